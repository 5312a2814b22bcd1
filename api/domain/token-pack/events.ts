import type { Sealed } from '../../crypto';

/** Colours and logo the authenticator shows for a token pack. */
export interface TokenPackTheme {
  /** `#rrggbb`, lower case. */
  primaryColor: string;
  /** `#rrggbb`, lower case. */
  accentColor: string;
  /** An https:// URL or a small `data:image/...;base64,` URL; absent for none. */
  logoUrl?: string | null;
}

/**
 * What the web authenticator asks before each approval: nothing, or the user's app PIN or
 * platform biometric. A gate on the device only; the server cannot tell it happened.
 */
export type LocalUnlockPolicy = 'NONE' | 'PIN_OR_BIOMETRIC';

/** Every local unlock policy, for validation. */
export const LOCAL_UNLOCK_POLICIES: readonly LocalUnlockPolicy[] = ['NONE', 'PIN_OR_BIOMETRIC'];

/** A token pack as an admin edits it on its INFO tab. */
export interface TokenPackSettings {
  name: string;
  /** An icon key (`token-pack`), an https URL or a small image data URL; null for the default. */
  icon: string | null;
  /** The directory users sign in to when they enrol; null until chosen. */
  primaryDirectoryId: string | null;
  theme: TokenPackTheme;
  /** Absent in events written before the setting existed, which means NONE. */
  localUnlock?: LocalUnlockPolicy;
}

/** A network whose clients a token pack trusts. */
export interface TrustedNetwork {
  networkId: string;
  name: string;
  /** Canonical `address/prefix` (host bits cleared, IPv4-mapped IPv6 as IPv4). */
  cidr: string;
  description: string;
}

/**
 * One stream per token pack: `tokenPack-<tenant>-<tokenPackId>`. Every event names its pack,
 * so read models and reactors need not parse stream ids.
 */
export type TokenPackEvent =
  | { type: 'TokenPackCreated'; data: { tokenPackId: string; template: boolean } & TokenPackSettings }
  | { type: 'TokenPackUpdated'; data: { tokenPackId: string } & TokenPackSettings }
  | { type: 'ServiceEnabled'; data: { tokenPackId: string; serviceId: string } }
  | { type: 'ServiceDisabled'; data: { tokenPackId: string; serviceId: string } }
  | { type: 'TrustedNetworkAdded'; data: { tokenPackId: string } & TrustedNetwork }
  | { type: 'TrustedNetworkRemoved'; data: { tokenPackId: string; networkId: string } }
  /** One per address; the enrollment URL is a bearer link, so it is sealed. */
  | { type: 'TokenPackSendRequested'; data: { tokenPackId: string; sendId: string; email: string; enrollmentUrl: Sealed; expiresAt: string } }
  | { type: 'TokenPackEmailSent'; data: { tokenPackId: string; sendId: string; email: string; messageId: string } }
  /** `final` is false while the mail worker will try again. */
  | { type: 'TokenPackEmailFailed'; data: { tokenPackId: string; sendId: string; email: string; reason: string; final: boolean } }
  | { type: 'TokenPackDeleted'; data: { tokenPackId: string } };

export const tokenPackEventTypes = [
  'TokenPackCreated',
  'TokenPackUpdated',
  'ServiceEnabled',
  'ServiceDisabled',
  'TrustedNetworkAdded',
  'TrustedNetworkRemoved',
  'TokenPackSendRequested',
  'TokenPackEmailSent',
  'TokenPackEmailFailed',
  'TokenPackDeleted',
] as const satisfies readonly TokenPackEvent['type'][];

/** Context the enrollment URL is sealed under (see `Sealer`). */
export const ENROLLMENT_URL_SEAL_CONTEXT = 'tokenPack:enrollmentUrl';
