import { gql } from 'urql';
import { DeviceFields } from './DeviceFields';
import type { Device } from './deviceTypes';

/** Revokes a device at once; the reason goes into the audit event. */
export const RevokeDeviceMutation = gql<{ revokeDevice: Device }, { id: string; reason?: string | null }>`
  mutation RevokeDevice($id: ID!, $reason: String) {
    revokeDevice(id: $id, reason: $reason) {
      ...DeviceFields
    }
  }
  ${DeviceFields}
`;
