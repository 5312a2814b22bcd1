import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack } from './tokenPackTypes';

/** One token pack with its services, trusted networks and recent sends. */
export const TokenPackQuery = gql<{ tokenPack: TokenPack }, { id: string }>`
  query TokenPack($id: ID!) {
    tokenPack(id: $id) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
