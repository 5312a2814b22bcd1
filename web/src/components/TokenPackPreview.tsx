import { useEffect, useState } from 'react';
import { isHexColor } from '../internal/colorContrast';

export interface TokenPackPreviewProps {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
}

const FALLBACK_PRIMARY = '#1f4e79';
const FALLBACK_ACCENT = '#2e86de';

const QR_SIZE = 21;
const inFinder = (x: number, y: number) => (x < 8 && y < 8) || (x > 12 && y < 8) || (x < 8 && y > 12);
/** Modules outside the three finder squares, spread by a fixed rule so the drawing never changes. */
const QR_MODULES = Array.from({ length: QR_SIZE * QR_SIZE }, (_, i) => [i % QR_SIZE, Math.floor(i / QR_SIZE)] as const).filter(
  ([x, y]) => !inFinder(x, y) && (x * 7 + y * 13 + ((x * y) % 5)) % 3 === 0,
);

/** A QR code's look, drawn, not scannable: the real one is made per recipient. */
function QrPlaceholder() {
  return (
    <svg className="preview-qr" viewBox={`-1 -1 ${QR_SIZE + 2} ${QR_SIZE + 2}`} aria-hidden="true" focusable="false">
      {[
        [0, 0],
        [14, 0],
        [0, 14],
      ].map(([x, y]) => (
        <g key={`${x}-${y}`}>
          <rect x={x} y={y} width="7" height="7" />
          <rect x={x! + 1} y={y! + 1} width="5" height="5" fill="#fff" />
          <rect x={x! + 2} y={y! + 2} width="3" height="3" />
        </g>
      ))}
      {QR_MODULES.map(([x, y]) => (
        <rect key={`${x}-${y}`} x={x} y={y} width="1" height="1" />
      ))}
    </svg>
  );
}

/**
 * How the token pack email looks with the colours and logo being edited: the top rule and title
 * in the primary colour, the “Open on this phone” button in the accent colour.
 */
export function TokenPackPreview({ name, primaryColor, accentColor, logoUrl }: TokenPackPreviewProps) {
  const primary = isHexColor(primaryColor) ? primaryColor : FALLBACK_PRIMARY;
  const accent = isHexColor(accentColor) ? accentColor : FALLBACK_ACCENT;
  const logo = logoUrl.trim();
  const [brokenLogo, setBrokenLogo] = useState<string | null>(null);
  useEffect(() => setBrokenLogo(null), [logo]);
  const showLogo = logo && (logo.startsWith('https://') || logo.startsWith('data:image/')) && brokenLogo !== logo;

  return (
    <figure className="pack-preview" aria-label="Preview of the token pack email">
      <div className="pack-preview-card" style={{ borderTopColor: primary }}>
        {showLogo ? (
          <img className="pack-preview-logo" src={logo} alt="" height={40} referrerPolicy="no-referrer" onError={() => setBrokenLogo(logo)} />
        ) : null}
        <p className="pack-preview-title" style={{ color: primary }}>
          {name.trim() || 'Token pack'}
        </p>
        <p className="pack-preview-text">Set up your phone to approve your sign-ins.</p>
        <span className="pack-preview-button" style={{ background: accent }}>
          Open on this phone
        </span>
        <QrPlaceholder />
        <p className="pack-preview-small">The link works until … and is meant for you alone.</p>
      </div>
      <figcaption className="field-hint">
        {brokenLogo === logo && logo
          ? 'The logo could not be shown here (the dashboard only loads images it serves itself, or data: images); mail clients load it from its URL.'
          : 'Live preview of the email each recipient gets.'}
      </figcaption>
    </figure>
  );
}
