import { gql } from 'urql';

/** Everything the Users & Devices page shows of a device. */
export const DeviceFields = gql`
  fragment DeviceFields on Device {
    id
    name
    username
    directoryConnectorId
    status
    keyThumbprint
    activatedAt
    lastCodeAt
    revokedAt
    revokedBy
  }
`;
