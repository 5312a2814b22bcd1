import { buildIdpMetadata, serviceProviderOf } from '../saml';
import type { SamlConnectorRecord } from './saml-config-rows';
import { serviceUrls } from './service-urls';

/**
 * The IdP metadata of a service instance: the connector's Issuer as entityID, the service's
 * SSO/SLO URLs, and the signing certificates. Besides the current one it publishes the next
 * key (so SPs that read metadata trust it before the rotation) or, when there is none, the
 * previous key (so SPs that cached it are not cut off right after a rotation). Metadata lists
 * signing keys without labelling them, so both travel in the builder's second slot; when a
 * next and a previous key both exist the next one wins.
 */
export function serviceMetadataXml(publicUrl: string, serviceId: string, connector: SamlConnectorRecord): string {
  const urls = serviceUrls(publicUrl, serviceId);
  const second = connector.signing.next ?? connector.signing.previous;
  return buildIdpMetadata({
    entityId: connector.issuer,
    ssoUrls: { post: urls.sso, redirect: urls.sso },
    sloUrls: { redirect: urls.slo },
    certificates: { current: connector.signing.current, ...(second ? { next: second } : {}) },
    wantAuthnRequestsSigned: serviceProviderOf(connector.config).requireSignedAuthnRequests,
  });
}
