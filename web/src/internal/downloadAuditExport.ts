import { CSRF_COOKIE } from '../client';
import { downloadText } from './downloadText';
import { readCookie } from './readCookie';

/** The file name in `content-disposition: attachment; filename="…"`, if any. */
function fileNameOf(disposition: string | null): string | undefined {
  return disposition ? /filename="([^"]+)"/.exec(disposition)?.[1] : undefined;
}

/**
 * Fetches an audit export with the session cookie and the `x-csrf-token` header (a plain link
 * would be refused without it) and saves it as a file. Resolves to the file's name, or throws
 * an Error whose message is the server's.
 */
export async function downloadAuditExport(url: string, fallbackName: string): Promise<string> {
  const csrf = readCookie(CSRF_COOKIE);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf } : {} });
  } catch {
    throw new Error("Can't reach the Countersign server. Check your connection and try again.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  downloadText(name, await response.text(), { type });
  return name;
}
