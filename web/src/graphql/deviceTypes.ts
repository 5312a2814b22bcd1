/** Hand-written result types for the device operations, matching `schema.graphql`. */

export type DeviceStatus = 'ACTIVE' | 'REVOKED';

export interface Device {
  __typename?: 'Device';
  id: string;
  name: string;
  username: string;
  directoryConnectorId: string;
  status: DeviceStatus;
  keyThumbprint: string;
  /** ISO 8601 timestamps. */
  activatedAt: string;
  lastCodeAt: string | null;
  revokedAt: string | null;
  /** `admin:<id>` or `device:<id>`. */
  revokedBy: string | null;
}
