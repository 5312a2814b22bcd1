import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import { directoryUserDecider } from './directory-user-decider';
import type { DirectoryUserEvent } from './events';

const fields = { email: 'ada@example.test', displayName: 'Ada Lovelace', phone: null, immutableId: Buffer.alloc(16, 7).toString('base64'), enabled: true };
const added: DirectoryUserEvent = { type: 'DirectoryUserAdded', data: { connectorId: 'c', userId: 'c.u', username: 'ada', ...fields } };
const hash = 'sealed:v1:k:i:h' as Sealed;

describe('built-in directory user decider', () => {
  it('refuses a second user with the same username', () => {
    expect(() => directoryUserDecider.decide({ type: 'AddUser', connectorId: 'c', userId: 'c.u', username: 'ADA', fields }, fold(directoryUserDecider, [added]))).toThrow(
      /already exists/,
    );
  });

  it('says which fields are wrong and how to fix them', () => {
    try {
      directoryUserDecider.decide(
        { type: 'AddUser', connectorId: 'c', userId: 'c.x', username: 'bad name', fields: { ...fields, email: 'x', immutableId: 'AAAA' } },
        directoryUserDecider.initialState,
      );
      expect.unreachable();
    } catch (error) {
      expect((error as { details: { fields: Record<string, string> } }).details.fields).toEqual({
        username: expect.stringContaining('letters, digits'),
        email: expect.stringContaining('name@example.com'),
        immutableId: expect.stringContaining('16 bytes'),
      });
    }
  });

  it('a password link works once, before it expires', () => {
    const link: DirectoryUserEvent = { type: 'PasswordLinkIssued', data: { connectorId: 'c', userId: 'c.u', email: fields.email, tokenHash: 't', link: hash, expiresAt: '2030-01-01T00:00:00Z' } };
    const state = fold(directoryUserDecider, [added, link]);
    const used = directoryUserDecider.decide({ type: 'SetPasswordWithLink', tokenHash: 't', passwordHash: hash, now: '2029-01-01T00:00:00Z' }, state);
    expect(used[0]).toMatchObject({ type: 'PasswordSet', data: { by: 'user' } });
    expect(() =>
      directoryUserDecider.decide({ type: 'SetPasswordWithLink', tokenHash: 't', passwordHash: hash, now: '2029-01-01T00:00:00Z' }, fold(directoryUserDecider, [added, link, ...used])),
    ).toThrow(/already used/);
    expect(() => directoryUserDecider.decide({ type: 'SetPasswordWithLink', tokenHash: 't', passwordHash: hash, now: '2031-01-01T00:00:00Z' }, state)).toThrow(/expired/);
  });
});
