import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { TenantCommand } from './commands';
import type { TenantEvent } from './events';
import { tenantDecider } from './tenant-decider';

const hash = 'sealed:v1:k:i:h' as Sealed;
const link = 'sealed:v1:k:i:link' as Sealed;
const created: TenantEvent = { type: 'TenantCreated', data: { tenantId: 't', name: 'Acme' } };
const owner: TenantEvent = { type: 'AdminAdded', data: { adminId: 'o', email: 'o@acme.test', role: 'owner', passwordHash: hash } };
const invited: TenantEvent = {
  type: 'AdminInvited',
  data: { adminId: 'a', email: 'a@acme.test', role: 'auditor', invitedBy: 'o', tokenHash: 'h1', link, expiresAt: '2030-01-08T00:00:00.000Z' },
};
const accepted: TenantEvent = { type: 'AdminInvitationAccepted', data: { adminId: 'a', email: 'a@acme.test', role: 'auditor', passwordHash: hash } };
const given = (events: TenantEvent[]) => ({
  when: (command: TenantCommand) => () => tenantDecider.decide(command, fold(tenantDecider, events)),
});
const invite = (over: Partial<Extract<TenantCommand, { type: 'InviteAdmin' }>> = {}): TenantCommand => ({
  type: 'InviteAdmin', adminId: 'a', email: ' A@Acme.test ', role: 'auditor', invitedBy: 'o', tokenHash: 'h1', link, expiresAt: '2030-01-08T00:00:00.000Z', ...over,
});
const accept = (over: Partial<Extract<TenantCommand, { type: 'AcceptAdminInvitation' }>> = {}): TenantCommand => ({
  type: 'AcceptAdminInvitation', adminId: 'a', tokenHash: 'h1', passwordHash: hash, now: '2030-01-01T00:00:00.000Z', ...over,
});

describe('inviting admins', () => {
  it('invites with a normalised email, keeping only the token hash and the sealed link', () => {
    expect(given([created, owner]).when(invite())()).toEqual([invited]);
  });

  it('refuses an email that is already an admin or already invited, saying what to do instead', () => {
    expect(given([created, owner]).when(invite({ email: 'O@acme.test' }))).toThrow(/already exists; change their role/);
    expect(given([created, owner, invited]).when(invite({ adminId: 'b' }))).toThrow(/pending invitation; resend it/);
  });

  it('refuses a malformed email per field', () => {
    expect(given([created, owner]).when(invite({ email: 'not-an-email' }))).toThrow(/name@example.com/);
  });

  it('a removed admin can be invited again under a new id', () => {
    const removed: TenantEvent = { type: 'AdminRemoved', data: { adminId: 'a', email: 'a@acme.test', role: 'auditor' } };
    const events = given([created, owner, invited, accepted, removed]).when(invite({ adminId: 'b' }))();
    expect(events[0]).toMatchObject({ type: 'AdminInvited', data: { adminId: 'b', email: 'a@acme.test' } });
  });

  it('an invited admin cannot be added again by setup or AddAdmin', () => {
    expect(given([created, owner, invited]).when({ type: 'AddAdmin', adminId: 'x', email: 'a@acme.test', role: 'admin', passwordHash: hash })).toThrow(/pending invitation/);
  });
});

describe('accepting an invitation', () => {
  it('activates the admin with the role they were invited to', () => {
    expect(given([created, owner, invited]).when(accept())()).toEqual([accepted]);
  });

  it('refuses a link that was replaced by a resend, and accepts the newer one', () => {
    const resent: TenantEvent = { type: 'AdminInvitationResent', data: { adminId: 'a', email: 'a@acme.test', tokenHash: 'h2', link, expiresAt: '2030-01-09T00:00:00.000Z' } };
    expect(given([created, owner, invited, resent]).when(accept())).toThrow(/newer invitation/);
    expect(given([created, owner, invited, resent]).when(accept({ tokenHash: 'h2' }))()).toEqual([accepted]);
  });

  it('refuses an expired, a used and a revoked invitation, each with its own code', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code: string }).code;
      }
      return 'accepted';
    };
    expect(code(given([created, owner, invited]).when(accept({ now: '2030-01-08T00:00:00.000Z' })))).toBe('INVITATION_EXPIRED');
    expect(code(given([created, owner, invited, accepted]).when(accept()))).toBe('INVITATION_USED');
    const revoked: TenantEvent = { type: 'AdminInvitationRevoked', data: { adminId: 'a', email: 'a@acme.test' } };
    expect(code(given([created, owner, invited, revoked]).when(accept()))).toBe('INVITATION_REVOKED');
    expect(code(given([created, owner]).when(accept()))).toBe('INVITATION_INVALID');
  });
});

describe('resending and revoking', () => {
  it('resends a pending invitation with a new token', () => {
    expect(given([created, owner, invited]).when({ type: 'ResendAdminInvitation', adminId: 'a', tokenHash: 'h2', link, expiresAt: '2030-01-09T00:00:00.000Z' })()).toEqual([
      { type: 'AdminInvitationResent', data: { adminId: 'a', email: 'a@acme.test', tokenHash: 'h2', link, expiresAt: '2030-01-09T00:00:00.000Z' } },
    ]);
  });

  it('revokes a pending invitation; an accepted one cannot be resent or revoked', () => {
    expect(given([created, owner, invited]).when({ type: 'RevokeAdminInvitation', adminId: 'a' })()).toEqual([
      { type: 'AdminInvitationRevoked', data: { adminId: 'a', email: 'a@acme.test' } },
    ]);
    expect(given([created, owner, invited, accepted]).when({ type: 'RevokeAdminInvitation', adminId: 'a' })).toThrow(/already accepted/);
    expect(given([created, owner, invited, accepted]).when({ type: 'ResendAdminInvitation', adminId: 'a', tokenHash: 'h', link, expiresAt: 'x' })).toThrow(/already accepted/);
  });
});

describe('removing admins and changing roles', () => {
  const secondOwner: TenantEvent = { type: 'AdminAdded', data: { adminId: 'p', email: 'p@acme.test', role: 'owner', passwordHash: hash } };

  it('removes an active admin; removing again changes nothing', () => {
    const removed: TenantEvent = { type: 'AdminRemoved', data: { adminId: 'a', email: 'a@acme.test', role: 'auditor' } };
    expect(given([created, owner, invited, accepted]).when({ type: 'RemoveAdmin', adminId: 'a', by: 'o' })()).toEqual([removed]);
    expect(given([created, owner, invited, accepted, removed]).when({ type: 'RemoveAdmin', adminId: 'a', by: 'o' })()).toEqual([]);
  });

  it('removing someone still invited revokes their invitation', () => {
    expect(given([created, owner, invited]).when({ type: 'RemoveAdmin', adminId: 'a', by: 'o' })()[0]!.type).toBe('AdminInvitationRevoked');
  });

  it('nobody removes themselves, and the last owner stays', () => {
    expect(given([created, owner, secondOwner]).when({ type: 'RemoveAdmin', adminId: 'o', by: 'o' })).toThrow(/cannot remove yourself/);
    expect(given([created, owner, invited, accepted]).when({ type: 'RemoveAdmin', adminId: 'o', by: 'a' })).toThrow(/last owner/);
    expect(given([created, owner, secondOwner]).when({ type: 'RemoveAdmin', adminId: 'o', by: 'p' })()[0]!.type).toBe('AdminRemoved');
  });

  it('an invited owner does not count as an owner: the only active owner cannot be demoted', () => {
    const invitedOwner: TenantEvent = { ...invited, data: { ...(invited.data as object), role: 'owner' } } as TenantEvent;
    expect(given([created, owner, invitedOwner]).when({ type: 'ChangeAdminRole', adminId: 'o', role: 'admin' })).toThrow(/last owner/);
  });

  it('changes the role of an invited or active admin, naming them in the event; a removed admin is gone', () => {
    expect(given([created, owner, invited]).when({ type: 'ChangeAdminRole', adminId: 'a', role: 'admin' })()).toEqual([
      { type: 'AdminRoleChanged', data: { adminId: 'a', role: 'admin', email: 'a@acme.test' } },
    ]);
    const removed: TenantEvent = { type: 'AdminRemoved', data: { adminId: 'a', email: 'a@acme.test', role: 'auditor' } };
    expect(given([created, owner, invited, accepted, removed]).when({ type: 'ChangeAdminRole', adminId: 'a', role: 'admin' })).toThrow(/No admin/);
  });

  it('a removed admin cannot have their password changed', () => {
    const removed: TenantEvent = { type: 'AdminRemoved', data: { adminId: 'a', email: 'a@acme.test', role: 'auditor' } };
    expect(given([created, owner, invited, accepted, removed]).when({ type: 'ChangeAdminPassword', adminId: 'a', passwordHash: hash })).toThrow(/No admin/);
  });
});

describe('invitation email failures', () => {
  const failure = (over: Partial<Extract<TenantCommand, { type: 'RecordInvitationEmailFailure' }>> = {}): TenantCommand => ({
    type: 'RecordInvitationEmailFailure', adminId: 'a', tokenHash: 'h1', reason: 'The mail server refused a@acme.test.', final: true, ...over,
  });

  it('records why the email of the current link could not be sent', () => {
    expect(given([created, owner, invited]).when(failure())()).toEqual([
      { type: 'AdminInvitationEmailFailed', data: { adminId: 'a', email: 'a@acme.test', reason: 'The mail server refused a@acme.test.', final: true } },
    ]);
  });

  it('ignores the email of a link that was replaced, used or withdrawn since', () => {
    expect(given([created, owner, invited]).when(failure({ tokenHash: 'old' }))()).toEqual([]);
    expect(given([created, owner, invited, accepted]).when(failure())()).toEqual([]);
    expect(given([created, owner]).when(failure())()).toEqual([]);
  });
});
