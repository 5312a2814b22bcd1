import type { AdminRole } from '../../../api/domain/tenant';

export interface AdminInvitationEmailInput {
  organisation: string;
  role: AdminRole;
  /** Email of the owner who sent it; null when unknown. */
  invitedBy: string | null;
  /** The single-use `/invitation/<token>` link. */
  link: string;
  expiresAt: Date;
}

const ROLE_MEANING: Record<AdminRole, string> = {
  owner: 'an owner: you can change everything, including who the admins are',
  admin: 'an admin: you can change the configuration and manage users',
  auditor: 'an auditor: you can read the configuration and the audit history, but not change them',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** The invitation to become an admin: who invites, to what role, and the link to choose a password. */
export function renderAdminInvitationEmail(input: AdminInvitationEmailInput): { subject: string; text: string; html: string } {
  const until = `${dateFormat.format(input.expiresAt)} UTC`;
  const who = input.invitedBy ? `${input.invitedBy} invited you` : 'You are invited';
  const subject = `You are invited to run Countersign for ${input.organisation}`;
  const text = [
    'Hello,',
    '',
    `${who} to the Countersign dashboard of ${input.organisation} as ${ROLE_MEANING[input.role]}.`,
    'Open this link to choose your password and sign in. It works once, until ' + until + ':',
    '',
    input.link,
    '',
    'If you did not expect this invitation, ignore this email; nothing happens unless the link is opened.',
    '',
  ].join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">Join ${escape(input.organisation)} on Countersign</h1>
<p>${escape(who)} to the Countersign dashboard of <b>${escape(input.organisation)}</b> as ${escape(ROLE_MEANING[input.role])}.</p>
<p style="margin:24px 0"><a href="${escape(input.link)}" style="background:#2f54c9;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">Choose your password</a></p>
<p style="font-size:13px;color:#59636e">The link works once, until ${escape(until)}. If the button does not work, paste this address into your browser:<br><span style="word-break:break-all">${escape(input.link)}</span></p>
<p style="font-size:13px;color:#59636e">If you did not expect this invitation, ignore this email; nothing happens unless the link is opened.</p>
</div></body></html>
`;
  return { subject, text, html };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
