import type { Sealed } from '../../crypto';
import type { AdminRole } from './events';

/** Where an admin account stands: invited (link not used yet), active (can sign in) or removed. */
export type AdminStatus = 'invited' | 'active' | 'removed';

/** Seal context of the emailed invitation link: a bearer secret until it is used. */
export const ADMIN_INVITATION_SEAL_CONTEXT = 'admin:invitationLink';

/** How long an invitation link works. */
export const ADMIN_INVITATION_DAYS = 7;

/**
 * Inviting, accepting and removing admins, in the tenant stream (the rules span every admin:
 * unique emails, at least one owner). The link holds the token and is sealed; the event keeps
 * only the token's SHA-256 to check it against.
 */
export type AdminMembershipEvent =
  | {
      type: 'AdminInvited';
      data: { adminId: string; email: string; role: AdminRole; invitedBy: string; tokenHash: string; link: Sealed; expiresAt: string };
    }
  | { type: 'AdminInvitationResent'; data: { adminId: string; email: string; tokenHash: string; link: Sealed; expiresAt: string } }
  | { type: 'AdminInvitationRevoked'; data: { adminId: string; email: string } }
  | { type: 'AdminInvitationAccepted'; data: { adminId: string; email: string; role: AdminRole; passwordHash: Sealed } }
  | { type: 'AdminRemoved'; data: { adminId: string; email: string; role: AdminRole } }
  /** The mail worker could not send an invitation; `final` when it gave up (a resend tries again). */
  | { type: 'AdminInvitationEmailFailed'; data: { adminId: string; email: string; reason: string; final: boolean } };

export const adminMembershipEventTypes = [
  'AdminInvited',
  'AdminInvitationResent',
  'AdminInvitationRevoked',
  'AdminInvitationAccepted',
  'AdminRemoved',
  'AdminInvitationEmailFailed',
] as const satisfies ReadonlyArray<AdminMembershipEvent['type']>;
