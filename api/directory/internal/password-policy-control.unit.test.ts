import { BerReader, BerWriter } from 'ldapts';
import { describe, expect, it } from 'vitest';

import { PasswordPolicyControl } from './password-policy-control';

/** A PasswordPolicyResponseValue as a server encodes it (values below 128). */
function responseValue(value: { warning?: { choice: 0 | 1; value: number }; error?: number }): Buffer {
  const parts: Buffer[] = [];
  if (value.warning) parts.push(Buffer.from([0xa0, 3, 0x80 + value.warning.choice, 1, value.warning.value]));
  if (value.error !== undefined) parts.push(Buffer.from([0x81, 1, value.error]));
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function parsed(value: Buffer) {
  const control = new PasswordPolicyControl();
  control.parse(new BerReader(value));
  return control.response;
}

describe('password policy response control', () => {
  it.each([
    [{ error: 0 }, { error: 'passwordExpired' }],
    [{ error: 1 }, { error: 'accountLocked' }],
    [{ error: 2 }, { error: 'changeAfterReset' }],
    [{ warning: { choice: 0, value: 90 } }, { timeBeforeExpiration: 90 }],
    [{ warning: { choice: 1, value: 2 } }, { graceAuthNsRemaining: 2 }],
    [{ warning: { choice: 1, value: 0 }, error: 2 }, { graceAuthNsRemaining: 0, error: 'changeAfterReset' }],
    [{}, {}],
  ] as const)('reads %j', (value, expected) => {
    expect(parsed(responseValue(value))).toEqual(expected);
  });

  it('is sent as a non-critical request control without a value', () => {
    const writer = new BerWriter();
    new PasswordPolicyControl().write(writer);
    const reader = new BerReader(writer.buffer);
    reader.readSequence();
    expect(reader.readString()).toBe('1.3.6.1.4.1.42.2.27.8.5.1');
    expect(reader.readBoolean()).toBe(false);
    expect(reader.remain).toBe(0);
  });
});
