import { gql } from 'urql';
import { ConnectionTestResultFields } from './ConnectionTestResultFields';

/** Every setting of a directory connector, with its last connection test. */
export const DirectoryConnectorFields = gql`
  fragment DirectoryConnectorFields on DirectoryConnector {
    id
    name
    type
    hosts
    port
    security
    caCertificatePem
    verifyCertificate
    baseDn
    bindDn
    hasBindPassword
    userObjectClass
    loginProperty
    emailProperty
    displayNameProperty
    phoneProperty
    upnProperty
    immutableIdProperty
    userFilter
    connectTimeoutMs
    operationTimeoutMs
    template
    userCount
    createdAt
    updatedAt
    lastTest {
      ...ConnectionTestResultFields
    }
  }
  ${ConnectionTestResultFields}
`;
