import type { AdminMembershipEvent } from './admin-membership-events';
import type { AdminState, TenantState } from './evolve';

/** Applies an invitation or removal event to the tenant's admins. */
export function evolveAdminMembership(state: TenantState, event: AdminMembershipEvent): TenantState {
  const admins = new Map(state.admins);
  const current = admins.get(event.data.adminId);
  const set = (admin: AdminState) => ({ ...state, admins: admins.set(event.data.adminId, admin) });
  switch (event.type) {
    case 'AdminInvited':
      return set({
        email: event.data.email,
        role: event.data.role,
        status: 'invited',
        invitation: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
      });
    case 'AdminInvitationResent':
      return current ? set({ ...current, invitation: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } }) : state;
    case 'AdminInvitationAccepted':
      return current ? set({ email: current.email, role: current.role, status: 'active' }) : state;
    case 'AdminInvitationRevoked':
    case 'AdminRemoved':
      return current ? set({ email: current.email, role: current.role, status: 'removed' }) : state;
    case 'AdminInvitationEmailFailed':
      return state;
  }
}
