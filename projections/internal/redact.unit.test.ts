import { describe, expect, it } from 'vitest';
import { redact, redactedJson } from './redact';

describe('redactedJson', () => {
  it('hides sealed values and secret-named fields, at any depth, like redact', () => {
    const data = {
      name: 'Corp LDAP',
      config: { bindPassword: 'sealed:v1:abc', url: 'ldaps://dir', tokens: ['t1', 't2'] },
      passwordHash: 'x',
      ok: true,
      list: [{ secret: 42 }, { plain: null }],
    };
    const json = redactedJson(data);
    expect(JSON.parse(json)).toEqual({
      name: 'Corp LDAP',
      config: { bindPassword: '[sealed]', url: 'ldaps://dir', tokens: ['[redacted]', '[redacted]'] },
      passwordHash: '[redacted]',
      ok: true,
      list: [{ secret: '[redacted]' }, { plain: null }],
    });
    expect(json).toBe(JSON.stringify(redact(data)));
  });

  it('writes data with nothing secret as it is', () => {
    const data = { username: 'alice', serviceId: 's1', attempts: 2, trusted: false, tags: ['a'] };
    expect(redactedJson(data)).toBe(JSON.stringify(data));
  });
});
