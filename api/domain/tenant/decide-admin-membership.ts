import { AppError, validationError } from '../../errors';
import type { AdminMembershipCommand } from './admin-membership-commands';
import type { TenantEvent } from './events';
import type { AdminState, TenantState } from './evolve';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admins that are not removed, i.e. who hold (or are invited to hold) their email. */
export function currentAdmins(state: TenantState): Array<[string, AdminState]> {
  return [...state.admins.entries()].filter(([, a]) => a.status !== 'removed');
}

/** Owners who can sign in now; invited owners do not count until they accept. */
export function activeOwnerCount(state: TenantState): number {
  return [...state.admins.values()].filter((a) => a.status === 'active' && a.role === 'owner').length;
}

/** Throws ADMIN_EMAIL_TAKEN when a current admin or pending invitation already uses `email`. */
export function requireFreeEmail(state: TenantState, email: string): void {
  const holder = currentAdmins(state).find(([, a]) => a.email === email)?.[1];
  if (!holder) return;
  throw new AppError(
    'ADMIN_EMAIL_TAKEN',
    holder.status === 'invited'
      ? `${email} already has a pending invitation; resend it instead of inviting again.`
      : `An admin with the email ${email} already exists; change their role instead of inviting them again.`,
    { fields: { email: holder.status === 'invited' ? 'this address already has a pending invitation' : 'this address is already an admin' } },
  );
}

function pendingInvitation(state: TenantState, adminId: string): AdminState {
  const admin = state.admins.get(adminId);
  if (!admin) throw new AppError('NOT_FOUND', 'No admin with that id.');
  if (admin.status !== 'invited') {
    throw new AppError(
      'INVITATION_NOT_PENDING',
      admin.status === 'active'
        ? `${admin.email} already accepted the invitation; nothing to resend or revoke.`
        : `The invitation for ${admin.email} was revoked or the admin removed; invite them again if they need access.`,
    );
  }
  return admin;
}

/** Inviting, accepting, resending, revoking and removing: the rules over every admin of a tenant. */
export function decideAdminMembership(command: AdminMembershipCommand, state: TenantState): TenantEvent[] {
  switch (command.type) {
    case 'InviteAdmin': {
      const email = command.email.trim().toLowerCase();
      if (!EMAIL.test(email)) throw validationError({ email: 'enter an email address like name@example.com' });
      if (state.admins.has(command.adminId)) throw new AppError('ALREADY_EXISTS', 'An admin with that id already exists.');
      requireFreeEmail(state, email);
      const { adminId, role, invitedBy, tokenHash, link, expiresAt } = command;
      return [{ type: 'AdminInvited', data: { adminId, email, role, invitedBy, tokenHash, link, expiresAt } }];
    }
    case 'ResendAdminInvitation': {
      const admin = pendingInvitation(state, command.adminId);
      const { adminId, tokenHash, link, expiresAt } = command;
      return [{ type: 'AdminInvitationResent', data: { adminId, email: admin.email, tokenHash, link, expiresAt } }];
    }
    case 'RevokeAdminInvitation': {
      const admin = pendingInvitation(state, command.adminId);
      return [{ type: 'AdminInvitationRevoked', data: { adminId: command.adminId, email: admin.email } }];
    }
    case 'AcceptAdminInvitation': {
      const admin = state.admins.get(command.adminId);
      if (!admin) throw new AppError('INVITATION_INVALID');
      if (admin.status === 'active') throw new AppError('INVITATION_USED');
      if (admin.status === 'removed') throw new AppError('INVITATION_REVOKED');
      if (admin.invitation?.tokenHash !== command.tokenHash) {
        throw new AppError('INVITATION_INVALID', 'A newer invitation was sent to this address; open the link in the latest invitation email.');
      }
      if (admin.invitation.expiresAt <= command.now) throw new AppError('INVITATION_EXPIRED');
      return [
        { type: 'AdminInvitationAccepted', data: { adminId: command.adminId, email: admin.email, role: admin.role, passwordHash: command.passwordHash } },
      ];
    }
    case 'RemoveAdmin': {
      const admin = state.admins.get(command.adminId);
      if (!admin) throw new AppError('NOT_FOUND', 'No admin with that id.');
      if (admin.status === 'removed') return [];
      if (command.adminId === command.by) throw new AppError('CANNOT_REMOVE_SELF');
      if (admin.status === 'invited') return [{ type: 'AdminInvitationRevoked', data: { adminId: command.adminId, email: admin.email } }];
      if (admin.role === 'owner' && activeOwnerCount(state) === 1) {
        throw new AppError('LAST_OWNER', 'This is the last owner; make another admin an owner before removing this one.');
      }
      return [{ type: 'AdminRemoved', data: { adminId: command.adminId, email: admin.email, role: admin.role } }];
    }
    case 'RecordInvitationEmailFailure': {
      const admin = state.admins.get(command.adminId);
      // A link replaced, used or withdrawn since: its email no longer matters.
      if (!admin || admin.status !== 'invited' || admin.invitation?.tokenHash !== command.tokenHash) return [];
      return [{ type: 'AdminInvitationEmailFailed', data: { adminId: command.adminId, email: admin.email, reason: command.reason, final: command.final } }];
    }
  }
}
