import { gql } from 'urql';
import type { MailSettingsInput, OutgoingMail } from './mailSettingsTypes';
import { OutgoingMailFields } from './OutgoingMailFields';

/** Saves the organisation's own SMTP server; an empty password keeps the stored one. */
export const UpdateMailSettingsMutation = gql<{ updateMailSettings: OutgoingMail }, { input: MailSettingsInput }>`
  mutation UpdateMailSettings($input: MailSettingsInput!) {
    updateMailSettings(input: $input) {
      ...OutgoingMailFields
    }
  }
  ${OutgoingMailFields}
`;
