import { gql } from 'urql';
import type { TestEmailResult } from './mailSettingsTypes';

/** Sends a test email through the mail server in effect. */
export const SendTestEmailMutation = gql<{ sendTestEmail: TestEmailResult }, { to: string }>`
  mutation SendTestEmail($to: String!) {
    sendTestEmail(to: $to) {
      ok
      message
    }
  }
`;
