import type { DirectoryUserProfile } from '../graphql/directoryTypes';

/** Users as the connector maps them (username, email, display name, UPN, ImmutableID): what Microsoft 365 would receive. */
export function DirectoryProfileTable({ profiles, caption }: { profiles: DirectoryUserProfile[]; caption: string }) {
  const shown = (value: string | null) => value || <span className="muted">not set</span>;
  return (
    <div className="table-wrap table-compact">
      <table className="data-table profile-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Display name</th>
            <th scope="col">UPN</th>
            <th scope="col">ImmutableID</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.dn}>
              <td data-label="Username" title={profile.dn}>
                <strong>{profile.username}</strong>
              </td>
              <td data-label="Email">{shown(profile.email)}</td>
              <td data-label="Display name">{profile.displayName}</td>
              <td data-label="UPN">{shown(profile.upn)}</td>
              <td data-label="ImmutableID">
                {profile.immutableId ? <span className="mono">{profile.immutableId}</span> : shown(null)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
