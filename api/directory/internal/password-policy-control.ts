import { type BerReader, Control } from 'ldapts';

/** The errors of draft-behera-ldap-password-policy, by their ENUMERATED value. */
export const passwordPolicyErrors = [
  'passwordExpired',
  'accountLocked',
  'changeAfterReset',
  'passwordModNotAllowed',
  'mustSupplyOldPassword',
  'insufficientPasswordQuality',
  'passwordTooShort',
  'passwordTooYoung',
  'passwordInHistory',
] as const;
export type PasswordPolicyError = (typeof passwordPolicyErrors)[number];

/** What the server put in its password policy response control. */
export interface PasswordPolicyResponse {
  timeBeforeExpiration?: number;
  graceAuthNsRemaining?: number;
  error?: PasswordPolicyError;
}

/**
 * The password policy request control (1.3.6.1.4.1.42.2.27.8.5.1), sent non-critical with each
 * user bind. ldapts hands the server's response control of the same OID back to this object, so
 * after the bind (successful or not) `response` holds what OpenLDAP's ppolicy overlay (or 389 DS)
 * said: locked, expired, must change, or how long until expiry.
 */
export class PasswordPolicyControl extends Control {
  static readonly type = '1.3.6.1.4.1.42.2.27.8.5.1';
  response?: PasswordPolicyResponse;

  constructor() {
    super(PasswordPolicyControl.type, { critical: false });
  }

  // PasswordPolicyResponseValue ::= SEQUENCE {
  //   warning [0] CHOICE { timeBeforeExpiration [0] INTEGER, graceAuthNsRemaining [1] INTEGER } OPTIONAL,
  //   error   [1] ENUMERATED { passwordExpired (0), accountLocked (1), changeAfterReset (2), ... } OPTIONAL }
  protected override parseControl(reader: BerReader): void {
    const response: PasswordPolicyResponse = {};
    if (reader.readSequence(0x30) !== null) {
      const end = reader.offset + reader.length;
      while (reader.offset < end) {
        const tag = reader.peek();
        if (tag === 0xa0) {
          reader.readSequence(0xa0);
          const choice = reader.peek();
          if (choice === 0x80) response.timeBeforeExpiration = reader.readTag(0x80) ?? undefined;
          else if (choice === 0x81) response.graceAuthNsRemaining = reader.readTag(0x81) ?? undefined;
          else break;
        } else if (tag === 0x81) {
          response.error = passwordPolicyErrors[reader.readTag(0x81) ?? -1];
        } else {
          break;
        }
      }
    }
    this.response = response;
  }
}
