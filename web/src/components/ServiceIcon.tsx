import { isBuiltInIcon, SERVICE_ICONS } from '../internal/serviceIcons';

/** A service's icon: a built-in one by name, or the image at its https:// or data: URL; the app tile otherwise. */
export function ServiceIcon({ icon, size = 40 }: { icon: string | null | undefined; size?: number }) {
  if (icon && (icon.startsWith('https://') || icon.startsWith('data:image/'))) {
    return <img className="service-icon service-icon-image" src={icon} alt="" width={size} height={size} referrerPolicy="no-referrer" />;
  }
  const builtIn = SERVICE_ICONS[isBuiltInIcon(icon) ? icon : 'app'];
  return (
    <svg className="service-icon" viewBox="0 0 40 40" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="9" fill={builtIn.color} />
      <g transform="translate(8 8)" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {builtIn.paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  );
}
