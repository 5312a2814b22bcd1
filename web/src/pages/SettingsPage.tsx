import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function SettingsPage() {
  return (
    <SectionPlaceholder
      title="Settings"
      summary="Settings for your organisation’s Countersign tenant."
      plans={[
        'Invite admins and change their roles (owner, admin, auditor).',
        'Issue and revoke API keys for integrations.',
        'Configure outgoing mail (SMTP).',
      ]}
    />
  );
}
