import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack, TokenPackInput } from './tokenPackTypes';

/** Changes a token pack's settings; an empty icon, logo or primary directory clears it. */
export const UpdateTokenPackMutation = gql<{ updateTokenPack: TokenPack }, { id: string; input: TokenPackInput }>`
  mutation UpdateTokenPack($id: ID!, $input: TokenPackInput!) {
    updateTokenPack(id: $id, input: $input) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
