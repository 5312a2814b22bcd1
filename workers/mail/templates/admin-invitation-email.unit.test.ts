import { describe, expect, it } from 'vitest';
import { renderAdminInvitationEmail } from './admin-invitation-email';

describe('admin invitation email', () => {
  it('names who invites, the organisation, what the role may do and until when the link works', () => {
    const link = 'https://idp.example.com/invitation/abc_-123';
    const email = renderAdminInvitationEmail({
      organisation: 'Acme <Ltd>',
      role: 'auditor',
      invitedBy: 'owner@acme.test',
      link,
      expiresAt: new Date('2030-01-15T09:30:00Z'),
    });
    expect(email.subject).toBe('You are invited to run Countersign for Acme <Ltd>');
    expect(email.text).toContain('owner@acme.test invited you');
    expect(email.text).toContain('read the configuration and the audit history, but not change them');
    expect(email.text).toContain(`\n${link}\n`);
    expect(email.text).toContain('15 January 2030');
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain('Acme &#60;Ltd&#62;');
    expect(email.html).not.toContain('<Ltd>');
  });
});
