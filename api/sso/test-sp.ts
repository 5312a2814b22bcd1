import { genericConnectorSchema, issuerOf, NAMEID_FORMAT, SAML_BINDING, type GenericConnectorConfig, type SamlConnectorConfig } from '../saml';

/** The built-in test service provider ("Test your setup"): its entity ID and ACS on this server. */
export function testSp(publicUrl: string) {
  return { entityId: `${publicUrl}/test-sp`, acsUrl: `${publicUrl}/test-sp/acs` };
}

/**
 * How the IdP answers the built-in test SP for a service: the service's own Issuer and
 * signing key, the directory's user, and the second factor as the service requires it — but
 * with the test SP as audience and ACS, so a sign-in can be proven before Microsoft 365 or the
 * real application is pointed at Countersign.
 */
export function testSpConnector(publicUrl: string, connector: SamlConnectorConfig): GenericConnectorConfig {
  const sp = testSp(publicUrl);
  return genericConnectorSchema.parse({
    kind: 'GENERIC',
    idpEntityId: issuerOf(connector),
    sp: { entityId: sp.entityId, assertionConsumerServices: [{ url: sp.acsUrl, binding: SAML_BINDING.post, index: 0, isDefault: true }] },
    nameId: { format: NAMEID_FORMAT.unspecified, sourceAttribute: 'username' },
    attributes: [
      { name: 'email', profileField: 'mail' },
      { name: 'displayName', profileField: 'displayName' },
      { name: 'upn', profileField: 'upn' },
    ],
    signAssertion: true,
    signResponse: true,
  }) as GenericConnectorConfig;
}
