// Configuration of SAML single sign-on: SAML connectors (with their signing keys) and the service
// instances that put Countersign in front of an application. The SSO endpoints read the read
// models through the row types and helpers here.

export { createSamlConnectorService, SIGNING_KEY_VALIDITY_YEARS, type SamlConnectorInput, type SamlConnectorService } from './saml-connector-service';
export { createServiceInstanceService, type ServiceInstanceInput, type ServiceInstanceService } from './service-instance-service';
export { seedTenantSamlDefaults, TEMPLATE_FEDERATED_DOMAIN } from './seed-tenant-saml-defaults';
export { toSamlConnectorRecord, type SamlConnectorRecord, type SamlConnectorRow, type ServiceRow } from './saml-config-rows';
export { serviceUrls, defaultIssuerUri, type ServiceUrls } from './service-urls';
export { serviceMetadataXml } from './service-metadata';
export { connectorSigningKey } from './connector-signing-key';
export { federationScriptDownload, type FederationScriptDownload } from './federation-script-download';
