import { TOKEN_PACK_ICON } from '../internal/tokenPackForm';
import { ServiceIcon } from './ServiceIcon';

/** The glyph of the default `token-pack` icon: a phone with a tick. */
const TOKEN_PACK_PATHS = ['M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z', 'M11 18h2', 'm9 10 2 2 4-4'];

export interface TokenPackIconProps {
  icon: string | null | undefined;
  /** The pack's primary colour, for the default icon's tile. */
  color: string;
  size?: number;
}

/** A token pack's icon: the default phone tile in the pack's colour, or a service icon, emoji or image. */
export function TokenPackIcon({ icon, color, size = 40 }: TokenPackIconProps) {
  if (icon && icon !== TOKEN_PACK_ICON) return <ServiceIcon icon={icon} size={size} />;
  return (
    <svg className="service-icon" viewBox="0 0 40 40" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="9" fill={/^#[0-9a-f]{6}$/i.test(color) ? color : '#1f4e79'} />
      <g transform="translate(8 8)" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {TOKEN_PACK_PATHS.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  );
}
