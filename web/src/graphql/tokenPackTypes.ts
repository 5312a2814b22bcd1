/** Hand-written result types for the token pack operations, matching `schema.graphql`. */

/** QUEUED: waiting for the mail worker (or retrying, see reason). SENT: accepted by the mail server. FAILED: given up. */
export type TokenPackSendStatus = 'QUEUED' | 'SENT' | 'FAILED';

export interface TokenPackTheme {
  __typename?: 'TokenPackTheme';
  /** `#rrggbb` */
  primaryColor: string;
  /** `#rrggbb` */
  accentColor: string;
  /** An https:// URL or a data:image URL. */
  logoUrl: string | null;
}

/** A service of the organisation, and whether the pack enables it. */
export interface TokenPackService {
  __typename?: 'TokenPackService';
  serviceId: string;
  name: string | null;
  enabled: boolean;
}

export interface TrustedNetwork {
  __typename?: 'TrustedNetwork';
  id: string;
  name: string;
  /** Canonical address/prefix. */
  cidr: string;
  description: string;
  addedAt: string;
}

/** One email of a token pack to one address, and its outcome. */
export interface TokenPackSend {
  __typename?: 'TokenPackSend';
  id: string;
  email: string;
  status: TokenPackSendStatus;
  /** Why the last try failed, for FAILED and retrying QUEUED sends. */
  reason: string | null;
  expiresAt: string;
  requestedAt: string;
  updatedAt: string;
}

/** What the web authenticator asks before each approval (a gate on the device only). */
export type LocalUnlockPolicy = 'NONE' | 'PIN_OR_BIOMETRIC';

export interface TokenPack {
  __typename?: 'TokenPack';
  id: string;
  name: string;
  /** A built-in name such as `token-pack`, an https:// URL or a data:image URL. */
  icon: string | null;
  primaryDirectoryId: string | null;
  primaryDirectoryName: string | null;
  template: boolean;
  theme: TokenPackTheme;
  localUnlock: LocalUnlockPolicy;
  services: TokenPackService[];
  trustedNetworks: TrustedNetwork[];
  /** `sends(first: 1)`: the newest send, if any. */
  latestSends: TokenPackSend[];
  createdAt: string;
  updatedAt: string;
}

/** Settings sent on create and update; on update a field left out keeps its value. */
export interface TokenPackInput {
  name?: string;
  icon?: string;
  primaryDirectoryId?: string;
  theme?: { primaryColor?: string; accentColor?: string; logoUrl?: string };
  localUnlock?: LocalUnlockPolicy;
}

export interface TrustedNetworkInput {
  name: string;
  cidr: string;
  description?: string | null;
}
