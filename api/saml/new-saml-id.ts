import { randomBytes } from 'node:crypto';

/** A fresh SAML ID: `_` and 160 random bits in hex (SAML core §1.3.4 asks for at least 128). */
export function newSamlId(): string {
  return '_' + randomBytes(20).toString('hex');
}
