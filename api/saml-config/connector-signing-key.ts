import type { Sealer } from '../crypto';
import { SAML_PRIVATE_KEY_CONTEXT } from '../domain/saml-connector';
import { loadSigningKey, type IdpSigningKey } from '../saml';
import type { SamlConnectorRecord } from './saml-config-rows';

/**
 * Opens the connector's current signing key for the SSO endpoint. Cache the result per
 * connector and `updated_at`: unsealing and parsing the key on every sign-in is wasted work.
 */
export function connectorSigningKey(connector: SamlConnectorRecord, sealer: Sealer): IdpSigningKey {
  const { current } = connector.signing;
  return loadSigningKey({ privateKeyPem: sealer.unseal(current.privateKey, SAML_PRIVATE_KEY_CONTEXT), certificatePem: current.certificatePem });
}
