import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { TenantCommand } from './commands';
import type { TenantEvent } from './events';
import { tenantDecider } from './tenant-decider';

const hash = 'sealed:v1:k:i:h' as Sealed;
const created: TenantEvent = { type: 'TenantCreated', data: { tenantId: 't', name: 'Acme' } };
const owner: TenantEvent = { type: 'AdminAdded', data: { adminId: 'o', email: 'o@acme.test', role: 'owner', passwordHash: hash } };
const given = (events: TenantEvent[]) => ({
  when: (command: TenantCommand) => () => tenantDecider.decide(command, fold(tenantDecider, events)),
});

describe('tenant decider', () => {
  it('creating an existing tenant changes nothing', () => {
    expect(given([created]).when({ type: 'CreateTenant', tenantId: 't', name: 'Acme' })()).toEqual([]);
  });

  it('the first admin must be an owner', () => {
    expect(given([created]).when({ type: 'AddAdmin', adminId: 'a', email: 'a@acme.test', role: 'admin', passwordHash: hash })).toThrow(
      /first admin must be an owner/,
    );
  });

  it('adds an admin with a normalised email, and refuses a duplicate email', () => {
    const events = given([created, owner]).when({ type: 'AddAdmin', adminId: 'a', email: ' A@Acme.test ', role: 'admin', passwordHash: hash })();
    expect(events).toEqual([{ type: 'AdminAdded', data: { adminId: 'a', email: 'a@acme.test', role: 'admin', passwordHash: hash } }]);
    expect(given([created, owner]).when({ type: 'AddAdmin', adminId: 'b', email: 'O@acme.test', role: 'admin', passwordHash: hash })).toThrow(
      /already exists/,
    );
  });

  it('refuses a malformed email with a message that says what to enter', () => {
    expect(given([created]).when({ type: 'AddAdmin', adminId: 'a', email: 'nope', role: 'owner', passwordHash: hash })).toThrow(
      /name@example.com/,
    );
  });

  it('setup cannot add a second owner once one exists', () => {
    expect(
      given([created, owner]).when({ type: 'AddAdmin', adminId: 'x', email: 'x@acme.test', role: 'owner', passwordHash: hash, bySetup: true }),
    ).toThrow(/already has an owner/);
  });

  it('the last owner cannot be demoted', () => {
    expect(given([created, owner]).when({ type: 'ChangeAdminRole', adminId: 'o', role: 'auditor' })).toThrow(/last owner/);
  });

  it('issues and revokes API keys; revoking twice is a no-op', () => {
    const issued = given([created]).when({ type: 'IssueApiKey', keyId: 'k', name: 'SIEM', scopes: ['audit:read', 'audit:read'], secretHash: 'h' })();
    expect(issued[0]!.data).toEqual({ keyId: 'k', name: 'SIEM', scopes: ['audit:read'], secretHash: 'h' });
    const revoked: TenantEvent = { type: 'ApiKeyRevoked', data: { keyId: 'k' } };
    expect(given([created, ...issued, revoked]).when({ type: 'RevokeApiKey', keyId: 'k' })()).toEqual([]);
  });

  it('an API key needs a scope', () => {
    expect(given([created]).when({ type: 'IssueApiKey', keyId: 'k', name: 'x', scopes: [], secretHash: 'h' })).toThrow(/at least one scope/);
  });

  it('a sign-in lockout policy stays within sane bounds', () => {
    expect(given([created]).when({ type: 'SetSignInPolicy', policy: { maxFailures: 5, windowMinutes: 30 } })()).toEqual([
      { type: 'SignInPolicySet', data: { maxFailures: 5, windowMinutes: 30 } },
    ]);
    expect(given([created]).when({ type: 'SetSignInPolicy', policy: { maxFailures: 1, windowMinutes: 0 } })).toThrow(/between 3 and 100.*between 1 minute/);
  });
});
