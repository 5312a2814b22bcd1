import type { Sealed } from '../../crypto';
import type { AdminRole } from './events';

/**
 * Commands that invite, admit and remove admins. Tokens, their hashes, sealed links and
 * `now` are made by the caller, so the decider stays pure.
 */
export type AdminMembershipCommand =
  | { type: 'InviteAdmin'; adminId: string; email: string; role: AdminRole; invitedBy: string; tokenHash: string; link: Sealed; expiresAt: string }
  | { type: 'ResendAdminInvitation'; adminId: string; tokenHash: string; link: Sealed; expiresAt: string }
  | { type: 'RevokeAdminInvitation'; adminId: string }
  | { type: 'AcceptAdminInvitation'; adminId: string; tokenHash: string; passwordHash: Sealed; now: string }
  /** `by` is the admin asking: nobody removes themselves. */
  | { type: 'RemoveAdmin'; adminId: string; by: string }
  /** The mail worker's outcome for the invitation email of `tokenHash` (ignored once that link is no longer current). */
  | { type: 'RecordInvitationEmailFailure'; adminId: string; tokenHash: string; reason: string; final: boolean };

const adminMembershipCommandTypes: ReadonlySet<string> = new Set<AdminMembershipCommand['type']>([
  'InviteAdmin',
  'ResendAdminInvitation',
  'RevokeAdminInvitation',
  'AcceptAdminInvitation',
  'RemoveAdmin',
  'RecordInvitationEmailFailure',
]);

/** Whether a tenant command is one of {@link AdminMembershipCommand}. */
export function isAdminMembershipCommand(command: { type: string }): command is AdminMembershipCommand {
  return adminMembershipCommandTypes.has(command.type);
}
