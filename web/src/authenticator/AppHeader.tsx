import type { PackLook } from './deviceStore';

/** The top bar in the token pack's primary colour, with its logo and name. */
export function AppHeader({ look, username }: { look: PackLook | null; username: string | null }) {
  const logo = look?.theme.logoUrl ?? null;
  return (
    <header className="wa-app-header">
      {logo ? <img className="wa-app-logo" src={logo} alt={`${look?.name ?? 'Token pack'} logo`} /> : <img className="wa-app-logo" src="/authenticator/icon.svg" alt="" />}
      <div className="wa-app-titles">
        <p className="wa-app-title">{look?.name ?? 'Countersign authenticator'}</p>
        <p className="wa-app-subtitle">{username ? `Signed in as ${username}` : 'Authenticator'}</p>
      </div>
    </header>
  );
}
