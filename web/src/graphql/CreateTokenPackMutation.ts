import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack, TokenPackInput } from './tokenPackTypes';

/** Creates a token pack; the theme defaults to Countersign blue. */
export const CreateTokenPackMutation = gql<{ createTokenPack: TokenPack }, { input: TokenPackInput }>`
  mutation CreateTokenPack($input: TokenPackInput!) {
    createTokenPack(input: $input) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
