import { contrastRatio, isHexColor } from '../internal/colorContrast';

const CARD = '#ffffff';
const TEXT = '#1b1f24';

/** White or near-black, whichever reads better on `background` (as the server's pages choose). */
function textOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * A small sign-in page in a theme, drawn the way the server renders the real one: the logo at
 * the top, the card's top edge and the button in the primary colour with readable text, and
 * links in the accent colour where it reads on white.
 */
export function ThemePreview({ primaryColor, accentColor, logoUrl, label = 'Preview of the sign-in page' }: { primaryColor: string; accentColor: string; logoUrl: string | null; label?: string }) {
  const primary = isHexColor(primaryColor) ? primaryColor : '#2f54c9';
  const accent = isHexColor(accentColor) ? accentColor : primary;
  const link = contrastRatio(accent, CARD) >= 4.5 ? accent : TEXT;
  const logo = logoUrl && (logoUrl.startsWith('https://') || logoUrl.startsWith('data:image/')) ? logoUrl : null;
  return (
    <figure className="theme-preview" aria-label={label}>
      <div className="theme-preview-card" style={{ borderTopColor: primary }}>
        <div className="theme-preview-brand">
          {logo ? <img src={logo} alt="Logo" /> : <span className="theme-preview-mark" style={{ background: primary }} aria-hidden="true" />}
          {logo ? null : <span>Countersign</span>}
        </div>
        <p className="theme-preview-title">Sign in</p>
        <p className="theme-preview-sub">to continue to Office 365</p>
        <span className="theme-preview-input" aria-hidden="true" />
        <span className="theme-preview-input" aria-hidden="true" />
        <span className="theme-preview-button" style={{ background: primary, color: textOn(primary) }}>
          Sign in
        </span>
        <span className="theme-preview-link" style={{ color: link }}>
          Enter a code instead
        </span>
      </div>
      <figcaption className="muted">
        Button text {textOn(primary) === '#ffffff' ? 'white' : 'dark'} for contrast {contrastRatio(primary, textOn(primary)).toFixed(1)}:1
        {link !== accent ? '; the accent is too pale for links on white, so they use the text colour' : ''}.
      </figcaption>
    </figure>
  );
}
