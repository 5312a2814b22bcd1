import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';

/** What saving this audit retention would answer, without saving. */
export const CheckAuditRetentionInputQuery = gql<{ checkAuditRetentionInput: InputCheck }, { days: number | null }>`
  query CheckAuditRetentionInput($days: Int) {
    checkAuditRetentionInput(days: $days) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
