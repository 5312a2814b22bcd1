import { gql } from 'urql';
import type { OutgoingMail } from './mailSettingsTypes';
import { OutgoingMailFields } from './OutgoingMailFields';

/** Goes back to the server's default mail settings. */
export const ClearMailSettingsMutation = gql<{ clearMailSettings: OutgoingMail }, Record<string, never>>`
  mutation ClearMailSettings {
    clearMailSettings {
      ...OutgoingMailFields
    }
  }
  ${OutgoingMailFields}
`;
