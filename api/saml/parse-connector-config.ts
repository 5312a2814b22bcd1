import { validationError, type FieldErrors } from '../errors';
import { samlConnectorConfigSchema, type AcsEndpoint, type SamlConnectorConfig } from './connector-config';
import { MICROSOFT_ONLINE_SP, SAML_BINDING } from './saml-constants';

/**
 * Validates an admin's connector input and returns the normalised config (defaults filled in).
 * Throws `VALIDATION_FAILED` whose `details.fields` maps each dotted field path
 * (`sp.assertionConsumerServices.0.url`) to one sentence saying what to fix.
 */
export function parseConnectorConfig(input: unknown): SamlConnectorConfig {
  const result = samlConnectorConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || 'connector';
    fields[path] ??= issue.message;
  }
  throw validationError(fields);
}

/** Warnings to show beside a valid config: choices that work but weaken security or interoperability. */
export function connectorWarnings(config: SamlConnectorConfig): string[] {
  const warnings: string[] = [];
  if (config.kind === 'OFFICE_365') {
    if (config.mfaBehavior === 'enforceMfaByFederatedIdp') {
      warnings.push('With enforceMfaByFederatedIdp, Entra ID sends users back here for MFA; test it on a trial tenant before rolling out.');
    }
    return warnings;
  }
  if (config.signatureAlgorithm === 'RSA_SHA1') {
    warnings.push('RSA-SHA1 is deprecated and weak against collision attacks; use RSA-SHA256 unless this service provider cannot verify it.');
  }
  if (!config.signResponse) {
    warnings.push('Only the assertion is signed; some service providers (node-saml, pysaml2 by default) reject responses without a signed envelope.');
  }
  if (!config.signAssertion && config.sp.wantAssertionsSigned) {
    warnings.push('The service provider metadata asks for signed assertions (WantAssertionsSigned) but assertion signing is off.');
  }
  if (config.sp.encryptionCertificate) {
    warnings.push('The service provider publishes an encryption key; assertion encryption is not available yet, so assertions are sent signed but not encrypted.');
  }
  return warnings;
}

/** The trust Countersign places in a service provider, whichever kind of connector describes it. */
export interface ServiceProviderTrust {
  entityId: string;
  assertionConsumerServices: AcsEndpoint[];
  /** Certificates that may sign the SP's AuthnRequests, base64 DER. */
  signingCertificates: string[];
  requireSignedAuthnRequests: boolean;
}

/** Returns the SP side of a connector; for Office 365 that is Microsoft's built-in SP. */
export function serviceProviderOf(config: SamlConnectorConfig): ServiceProviderTrust {
  if (config.kind === 'OFFICE_365') {
    return {
      entityId: MICROSOFT_ONLINE_SP.entityId,
      assertionConsumerServices: [{ url: MICROSOFT_ONLINE_SP.acsUrl, binding: SAML_BINDING.post, index: 0, isDefault: true }],
      signingCertificates: config.microsoftSigningCertificates,
      requireSignedAuthnRequests: config.requireSignedAuthnRequests,
    };
  }
  return {
    entityId: config.sp.entityId,
    assertionConsumerServices: config.sp.assertionConsumerServices,
    signingCertificates: config.sp.signingCertificates,
    requireSignedAuthnRequests: config.requireSignedAuthnRequests ?? config.sp.authnRequestsSigned,
  };
}

/** The Issuer Countersign writes into Responses and Assertions for this connector. */
export function issuerOf(config: SamlConnectorConfig): string {
  return config.kind === 'OFFICE_365' ? config.issuerUri : config.idpEntityId;
}
