import '../settings.css';
import { AdminsSection } from '../components/AdminsSection';
import { ApiKeysSection } from '../components/ApiKeysSection';
import { AuditRetentionSection } from '../components/AuditRetentionSection';
import '../mail-themes.css';
import { MailSettingsSection } from '../components/MailSettingsSection';
import { ThemesSection } from '../components/ThemesSection';
import { SignInPolicySection } from '../components/SignInPolicySection';
import { useAdmin } from '../hooks/useAdmin';
import { usePageTitle } from '../hooks/usePageTitle';

const ROLE_WORDS = { OWNER: 'owner', ADMIN: 'admin', AUDITOR: 'auditor' } as const;

/** Settings of the organisation: API keys (owners), sign-in lockout, audit retention, and what has no API yet. */
export function SettingsPage() {
  usePageTitle('Settings');
  const admin = useAdmin();
  const owner = admin.role === 'OWNER';
  const canEdit = admin.role !== 'AUDITOR';
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="page-intro">Your organisation’s integrations, sign-in protection and audit history.</p>
          <nav className="section-links" aria-label="On this page">
            <a href="#api-keys">API keys</a>
            <a href="#lockout">Sign-in lockout</a>
            <a href="#retention">Audit retention</a>
            <a href="#admins">Admins &amp; roles</a>
            <a href="#smtp">Outgoing mail</a>
            <a href="#themes">Themes</a>
          </nav>
        </div>
      </div>

      <section className="panel page-section" id="api-keys" aria-labelledby="api-keys-title">
        {owner ? (
          <ApiKeysSection titleId="api-keys-title" />
        ) : (
          <>
            <h2 id="api-keys-title">API keys</h2>
            <p className="settings-note">
              Only owners can see, create and revoke API keys. You are signed in as an {ROLE_WORDS[admin.role]}; ask an
              owner of your organisation if an integration needs a key.
            </p>
          </>
        )}
      </section>

      <section className="panel page-section" id="lockout" aria-labelledby="lockout-title">
        <SignInPolicySection titleId="lockout-title" canEdit={canEdit} />
      </section>

      <section className="panel page-section" id="retention" aria-labelledby="retention-title">
        <AuditRetentionSection titleId="retention-title" canEdit={canEdit} />
      </section>

      <section className="panel page-section" id="admins" aria-labelledby="admins-title">
        <AdminsSection titleId="admins-title" canManage={owner} />
      </section>

      <section className="panel page-section" id="smtp" aria-labelledby="smtp-title">
        <MailSettingsSection titleId="smtp-title" canEdit={canEdit} adminEmail={admin.email} />
      </section>

      <section className="panel page-section" id="themes" aria-labelledby="themes-title">
        <ThemesSection titleId="themes-title" canEdit={canEdit} />
      </section>
    </>
  );
}
