import { gql } from 'urql';
import { DirectoryUserFields } from './DirectoryUserFields';
import type { DirectoryUser, DirectoryUserUpdateInput } from './directoryTypes';

/** Changes a built-in directory user (everything but the username), including enabling or disabling them. */
export const UpdateDirectoryUserMutation = gql<
  { updateDirectoryUser: DirectoryUser },
  { id: string; input: DirectoryUserUpdateInput }
>`
  mutation UpdateDirectoryUser($id: ID!, $input: DirectoryUserUpdateInput!) {
    updateDirectoryUser(id: $id, input: $input) {
      ...DirectoryUserFields
    }
  }
  ${DirectoryUserFields}
`;
