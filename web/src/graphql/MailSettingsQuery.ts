import { gql } from 'urql';
import type { OutgoingMail } from './mailSettingsTypes';
import { OutgoingMailFields } from './OutgoingMailFields';

/** How the organisation's mail is sent, and its own SMTP settings. */
export const MailSettingsQuery = gql<{ mailSettings: OutgoingMail }, Record<string, never>>`
  query MailSettings {
    mailSettings {
      ...OutgoingMailFields
    }
  }
  ${OutgoingMailFields}
`;
