import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack, TrustedNetworkInput } from './tokenPackTypes';

/** Trusts a network (address or CIDR range); the server stores it in canonical form. */
export const AddTrustedNetworkMutation = gql<
  { addTrustedNetwork: TokenPack },
  { tokenPackId: string; input: TrustedNetworkInput }
>`
  mutation AddTrustedNetwork($tokenPackId: ID!, $input: TrustedNetworkInput!) {
    addTrustedNetwork(tokenPackId: $tokenPackId, input: $input) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
