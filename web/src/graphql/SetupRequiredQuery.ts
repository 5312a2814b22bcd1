import { gql } from 'urql';

/** Whether this installation still needs its first admin (first-run setup). */
export const SetupRequiredQuery = gql<{ setupRequired: boolean }, Record<string, never>>`
  query SetupRequired {
    setupRequired
  }
`;
