import { gql } from 'urql';
import { TokenPackSendFields } from './TokenPackSendFields';
import type { TokenPackSend } from './tokenPackTypes';

/** Emails the token pack to each address, one email each; answers with the queued sends. */
export const SendTokenPackMutation = gql<
  { sendTokenPack: TokenPackSend[] },
  { tokenPackId: string; emails: string[]; expiresInDays: number | null }
>`
  mutation SendTokenPack($tokenPackId: ID!, $emails: [String!]!, $expiresInDays: Int) {
    sendTokenPack(tokenPackId: $tokenPackId, emails: $emails, expiresInDays: $expiresInDays) {
      ...TokenPackSendFields
    }
  }
  ${TokenPackSendFields}
`;
