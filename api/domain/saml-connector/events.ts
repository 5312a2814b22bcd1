import type { Sealed } from '../../crypto';
import type { SamlConnectorConfig } from '../../saml';

/** The sealing context of a SAML connector's private signing key; the SSO code unseals with it. */
export const SAML_PRIVATE_KEY_CONTEXT = 'samlConnector:privateKey';

/** A signing key as events and the read model keep it: the certificate in clear, the private key sealed. */
export interface StoredSigningKey {
  certificatePem: string;
  /** One line of base64 DER: what metadata and the federation scripts publish. */
  certificateBase64Der: string;
  /** PKCS#8 PEM sealed with {@link SAML_PRIVATE_KEY_CONTEXT}. */
  privateKey: Sealed;
  /** ISO 8601 end of validity. */
  notAfter: string;
  fingerprintSha256: string;
}

/**
 * The key slots of a connector: `current` signs; `next` is published ahead of a rotation;
 * `previous` is the key `current` replaced, still published in metadata until it is removed
 * or the next rotation replaces it.
 */
export interface StoredSigningSlots {
  current?: StoredSigningKey;
  next?: StoredSigningKey;
  previous?: StoredSigningKey;
}

export type SigningKeySlot = 'current' | 'next';

/** The scripts an admin can download for an Office 365 connector. */
export const federationScriptKinds = ['GRAPH_POWERSHELL', 'CERTIFICATE_ROLLOVER', 'REVERT_TO_MANAGED', 'LEGACY_MSONLINE'] as const;
export type FederationScriptKind = (typeof federationScriptKinds)[number];

/** One stream per SAML connector: `samlConnector-<tenant>-<connectorId>`. */
export type SamlConnectorEvent =
  | { type: 'SamlConnectorCreated'; data: { connectorId: string; name: string; config: SamlConnectorConfig; template: boolean } }
  | { type: 'SamlConnectorUpdated'; data: { connectorId: string; name: string; config: SamlConnectorConfig } }
  | { type: 'SigningKeyGenerated'; data: { connectorId: string; slot: SigningKeySlot } & StoredSigningKey }
  /** The next key becomes current; `fingerprintSha256` is the key that signs from now on. */
  | { type: 'SigningKeyRotated'; data: { connectorId: string; fingerprintSha256: string } }
  | { type: 'PreviousSigningKeyRemoved'; data: { connectorId: string } }
  /** Audit only: the SP description itself arrives in the SamlConnectorUpdated before it. */
  | { type: 'SpMetadataImported'; data: { connectorId: string; entityId: string } }
  /** Audit only: who downloaded which script, and when. */
  | { type: 'FederationScriptGenerated'; data: { connectorId: string; kind: FederationScriptKind } }
  | { type: 'SamlConnectorDeleted'; data: { connectorId: string } };

export const samlConnectorEventTypes = [
  'SamlConnectorCreated',
  'SamlConnectorUpdated',
  'SigningKeyGenerated',
  'SigningKeyRotated',
  'PreviousSigningKeyRemoved',
  'SpMetadataImported',
  'FederationScriptGenerated',
  'SamlConnectorDeleted',
] as const;
