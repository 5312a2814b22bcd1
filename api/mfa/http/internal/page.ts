import { brandHtml, themeStyle, type PageTheme } from '../../../http/page-theme';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root{--bg:#f4f5f7;--card:#fff;--text:#1b1f24;--muted:#5b6472;--accent:#2f54c9;--danger:#b42318;--ok:#067647;--border:#d9dde3}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text);display:flex;min-height:100vh;align-items:center;justify-content:center;padding:16px}
main{background:var(--card);border:1px solid var(--border);border-radius:12px;padding:32px;width:100%;max-width:420px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;margin-bottom:20px}.brand span.logo{display:inline-block;width:28px;height:28px;border-radius:6px;background:var(--accent)}
h1{font-size:1.35rem;margin:0 0 4px}p.sub{color:var(--muted);margin:0 0 20px}
.number{font-size:3.5rem;font-weight:700;letter-spacing:.08em;text-align:center;margin:8px 0 4px;font-variant-numeric:tabular-nums}
.status{text-align:center;color:var(--muted);min-height:1.5em}.status[data-state=APPROVED]{color:var(--ok)}
label{display:block;font-weight:500;margin:14px 0 6px}input{width:100%;padding:10px 12px;border:1px solid var(--border);border-radius:8px;font:inherit;letter-spacing:.1em}
input:focus,button:focus{outline:3px solid rgba(47,84,201,.35);outline-offset:1px}
button{margin-top:12px;width:100%;padding:11px;border:0;border-radius:8px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}
button.secondary{background:transparent;color:var(--accent);border:1px solid var(--border)}
details{margin-top:20px}summary{cursor:pointer;color:var(--accent);font-weight:500}
.error{background:#fef3f2;border:1px solid #fecdca;color:var(--danger);border-radius:8px;padding:10px 12px;margin-bottom:8px}
.note{color:var(--muted);font-size:.9rem;margin-top:16px}`;

/**
 * A complete page in the sign-in look, in the organisation's default theme when given;
 * `script` (static text) is allowed by its CSP hash.
 */
export function page(title: string, body: string, script?: string, theme?: PageTheme | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}${themeStyle(theme)}</style></head>
<body><main>${brandHtml(theme)}${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}
