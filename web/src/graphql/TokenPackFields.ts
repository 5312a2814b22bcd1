import { gql } from 'urql';
import { TokenPackSendFields } from './TokenPackSendFields';

/** Everything the Token Packs pages show of a pack, with its latest send (the view loads more on its own). */
export const TokenPackFields = gql`
  fragment TokenPackFields on TokenPack {
    id
    name
    icon
    primaryDirectoryId
    primaryDirectoryName
    template
    theme {
      primaryColor
      accentColor
      logoUrl
    }
    localUnlock
    services {
      serviceId
      name
      enabled
    }
    trustedNetworks {
      id
      name
      cidr
      description
      addedAt
    }
    latestSends: sends(first: 1) {
      ...TokenPackSendFields
    }
    createdAt
    updatedAt
  }
  ${TokenPackSendFields}
`;
