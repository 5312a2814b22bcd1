import { gql } from 'urql';
import { TokenPackSendFields } from './TokenPackSendFields';
import type { TokenPackSend } from './tokenPackTypes';

/** Only a pack's recent sends: what the page polls while an email is still queued. */
export const TokenPackSendsQuery = gql<{ tokenPack: { __typename?: 'TokenPack'; id: string; sends: TokenPackSend[] } }, { id: string }>`
  query TokenPackSends($id: ID!) {
    tokenPack(id: $id) {
      id
      sends(first: 20) {
        ...TokenPackSendFields
      }
    }
  }
  ${TokenPackSendFields}
`;
