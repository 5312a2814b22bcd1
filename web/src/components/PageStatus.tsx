import type { ReactNode } from 'react';

/** A whole-screen state shown before the app shell can render (checking the session, or failing to). */
export function PageStatus({ children }: { children: ReactNode }) {
  return (
    <main className="page-status" id="main">
      {children}
    </main>
  );
}
