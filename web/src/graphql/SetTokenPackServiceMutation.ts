import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack } from './tokenPackTypes';

/** Switches a service on or off for users enrolled with the pack. */
export const SetTokenPackServiceMutation = gql<
  { setTokenPackService: TokenPack },
  { tokenPackId: string; serviceId: string; enabled: boolean }
>`
  mutation SetTokenPackService($tokenPackId: ID!, $serviceId: ID!, $enabled: Boolean!) {
    setTokenPackService(tokenPackId: $tokenPackId, serviceId: $serviceId, enabled: $enabled) {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
