import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack } from './tokenPackTypes';

/** Stops trusting a network. */
export const RemoveTrustedNetworkMutation = gql<
  { removeTrustedNetwork: TokenPack },
  { tokenPackId: string; networkId: string }
>`
  mutation RemoveTrustedNetwork($tokenPackId: ID!, $networkId: ID!) {
    removeTrustedNetwork(tokenPackId: $tokenPackId, networkId: $networkId) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
