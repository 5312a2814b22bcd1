import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

/** The product's sections, in the order the dashboard lists them. */
const SECTIONS = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/directories', label: 'Directories' },
  { group: 'Connectors', items: [{ to: '/connectors/saml', label: 'SAML' }] },
  { to: '/services', label: 'Services' },
  { to: '/token-packs', label: 'Token Packs' },
  { to: '/users', label: 'Users & Devices' },
  { to: '/audit', label: 'Audit' },
  { to: '/settings', label: 'Settings' },
] as const;

function linkClass({ isActive }: { isActive: boolean }) {
  return isActive ? 'nav-link active' : 'nav-link';
}

/** Left navigation; on narrow screens it is the menu opened from the header. `children` go below the links. */
export function PrimaryNav({ id, children }: { id: string; children?: ReactNode }) {
  return (
    <nav id={id} className="sidenav" aria-label="Main">
      <ul className="nav-list">
        {SECTIONS.map((section) =>
          'group' in section ? (
            <li key={section.group} className="nav-group">
              <span className="nav-group-label" id={`nav-group-${section.group}`}>
                {section.group}
              </span>
              <ul aria-labelledby={`nav-group-${section.group}`}>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className={linkClass}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={section.to}>
              <NavLink to={section.to} end={'end' in section} className={linkClass}>
                {section.label}
              </NavLink>
            </li>
          ),
        )}
      </ul>
      {children}
    </nav>
  );
}
