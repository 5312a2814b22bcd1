import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { MailSettingsInput } from './mailSettingsTypes';

/** What saving these mail settings would answer, without saving or contacting the server. */
export const CheckMailSettingsInputQuery = gql<{ checkMailSettingsInput: InputCheck }, { input: MailSettingsInput }>`
  query CheckMailSettingsInput($input: MailSettingsInput!) {
    checkMailSettingsInput(input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
