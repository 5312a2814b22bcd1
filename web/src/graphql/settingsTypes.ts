/** Hand-written result types for the Settings operations, matching `schema.graphql`. */

/** What an API key may do. */
export type ApiScope = 'AUDIT_READ' | 'CONFIG_READ' | 'CONFIG_WRITE' | 'USERS_WRITE';

export interface ApiKey {
  __typename?: 'ApiKey';
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  revokedAt: string | null;
}

/** A new API key with its bearer token, which the server shows this once. */
export interface CreatedApiKey {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  token: string;
}

export interface SignInPolicy {
  __typename?: 'SignInPolicy';
  /** Wrong passwords allowed in the window before sign-in waits (3 to 100). */
  maxFailures: number;
  /** Length of the window in minutes, also how long the wait lasts (1 to 1440). */
  windowMinutes: number;
}
