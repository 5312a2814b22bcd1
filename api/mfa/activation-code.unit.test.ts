import { describe, expect, it } from 'vitest';
import { ACTIVATION_QR_PREFIX, newActivationCode, parseActivationCode } from './activation-code';

const enrollmentId = 'default~0f8fad5b-d9cb-469f-a165-70867728950e';

describe('activation codes', () => {
  it('carry their enrollment and a 160-bit secret, of which only a hash is kept', () => {
    const { code, secretHash } = newActivationCode(enrollmentId);
    expect(code).toMatch(/^default~[0-9a-f-]{36}\.[A-Za-z0-9_-]{27}$/);
    expect(parseActivationCode(code)).toEqual({ enrollmentId, secretHash });
    expect(parseActivationCode(` ${ACTIVATION_QR_PREFIX}${code}\n`)).toEqual({ enrollmentId, secretHash });
    expect(secretHash).not.toContain(code.split('.')[1]);
  });

  it('refuse anything else as not valid', () => {
    for (const bad of ['', 'abc', `${enrollmentId}.short`, `nope.${'a'.repeat(27)}`]) expect(() => parseActivationCode(bad)).toThrow(expect.objectContaining({ code: 'ACTIVATION_CODE_INVALID' }));
  });
});
