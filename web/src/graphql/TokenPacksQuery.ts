import { gql } from 'urql';
import { TokenPackFields } from './TokenPackFields';
import type { TokenPack } from './tokenPackTypes';

/** The organisation's token packs, by name. */
export const TokenPacksQuery = gql<{ tokenPacks: TokenPack[] }, Record<string, never>>`
  query TokenPacks {
    tokenPacks {
      ...TokenPackFields
    }
  }
  ${TokenPackFields}
`;
