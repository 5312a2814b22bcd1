import type { ReactNode } from 'react';
import { Brand } from './Brand';

/** Centred card for the pages seen before signing in (sign-in, first-run setup). */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth">
      <main className="auth-card" id="main">
        <Brand size="lg" />
        <h1>{title}</h1>
        {intro ? <p className="auth-intro">{intro}</p> : null}
        {children}
      </main>
      <p className="auth-footer">Countersign · open-source MFA identity provider</p>
    </div>
  );
}
