import { gql } from 'urql';
import { DeviceFields } from './DeviceFields';
import type { Device } from './deviceTypes';

/** The organisation's devices, newest first; `username` narrows to one user (any case). */
export const DevicesQuery = gql<{ devices: Device[] }, { username?: string | null }>`
  query Devices($username: String) {
    devices(username: $username) {
      ...DeviceFields
    }
  }
  ${DeviceFields}
`;
