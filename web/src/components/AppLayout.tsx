import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import type { Admin } from '../graphql/types';
import { AccountBar } from './AccountBar';
import { Brand } from './Brand';
import { PrimaryNav } from './PrimaryNav';

/**
 * The signed-in shell: header with the admin's account, left navigation (a toggled menu on
 * narrow screens) and the page in `<main>`.
 */
export function AppLayout({ admin }: { admin: Admin }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Brand />
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-toggle-icon" aria-hidden="true" />
          Menu
        </button>
        <AccountBar admin={admin} />
      </header>
      <PrimaryNav id="primary-nav">
        {/* On phones the account controls live in the menu; CSS shows one of the two. */}
        <AccountBar admin={admin} />
      </PrimaryNav>
      {menuOpen ? <div className="menu-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
      <main id="main" className="content" tabIndex={-1}>
        <Outlet context={admin} />
      </main>
    </div>
  );
}
