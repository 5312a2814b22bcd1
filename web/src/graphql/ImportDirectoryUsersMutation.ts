import { gql } from 'urql';
import type { ImportReport } from './directoryTypes';

/** Imports users from CSV into a built-in directory and reports how each row fared. */
export const ImportDirectoryUsersMutation = gql<{ importDirectoryUsers: ImportReport }, { connectorId: string; csv: string }>`
  mutation ImportDirectoryUsers($connectorId: ID!, $csv: String!) {
    importDirectoryUsers(connectorId: $connectorId, csv: $csv) {
      imported
      failed
      rows {
        line
        username
        ok
        error
      }
    }
  }
`;
