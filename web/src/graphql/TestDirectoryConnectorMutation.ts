import { gql } from 'urql';
import { ConnectionTestResultFields } from './ConnectionTestResultFields';
import type { ConnectionTestResult } from './directoryTypes';

/** Tests a connector's saved settings step by step; with a username (and password) it also looks the user up (and signs in). */
export const TestDirectoryConnectorMutation = gql<
  { testDirectoryConnector: ConnectionTestResult },
  { id: string; username: string | null; password: string | null }
>`
  mutation TestDirectoryConnector($id: ID!, $username: String, $password: String) {
    testDirectoryConnector(id: $id, username: $username, password: $password) {
      ...ConnectionTestResultFields
    }
  }
  ${ConnectionTestResultFields}
`;
