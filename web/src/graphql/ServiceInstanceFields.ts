import { gql } from 'urql';

/** A service instance's settings, state and sign-in URLs (not its metadata XML). */
export const ServiceInstanceFields = gql`
  fragment ServiceInstanceFields on ServiceInstance {
    id
    name
    description
    icon
    directoryConnectorId
    samlConnectorId
    state
    secondFactor
    ssoUrl
    sloUrl
    metadataUrl
    startBlockers
    createdAt
    updatedAt
  }
`;
