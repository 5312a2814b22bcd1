import { gql } from 'urql';
import type { FederationScript, FederationScriptKind } from './samlTypes';

/** A PowerShell script for an Office 365 connector's domain, built from what Countersign uses. */
export const GenerateFederationScriptMutation = gql<
  { generateFederationScript: FederationScript },
  { connectorId: string; kind: FederationScriptKind; serviceId?: string | null }
>`
  mutation GenerateFederationScript($connectorId: ID!, $kind: FederationScriptKind!, $serviceId: ID) {
    generateFederationScript(connectorId: $connectorId, kind: $kind, serviceId: $serviceId) {
      kind
      fileName
      script
      warnings
    }
  }
`;
