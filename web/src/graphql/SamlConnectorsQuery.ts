import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector } from './samlTypes';

/** The organisation's SAML connectors, by name. */
export const SamlConnectorsQuery = gql<{ samlConnectors: SamlConnector[] }, Record<string, never>>`
  query SamlConnectors {
    samlConnectors {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
