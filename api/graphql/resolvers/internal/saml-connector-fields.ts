import { isAppError, validationError, type FieldErrors } from '../../../errors';
import { ATTRNAME_FORMAT, NAMEID_FORMAT, type SamlConnectorConfig } from '../../../saml';

/**
 * The connector config flattened for the dashboard: one field per form input, enum values as
 * GraphQL spells them. The GraphQL input and output types carry these names.
 */
export interface SamlConnectorFields {
  name?: string;
  kind?: 'OFFICE_365' | 'GENERIC';
  federatedDomain?: string;
  brandName?: string;
  issuerUri?: string;
  immutableIdAttribute?: string;
  immutableIdEncoding?: 'BINARY' | 'STRING';
  upnAttribute?: string;
  mfaBehavior?: 'acceptIfMfaDoneByFederatedIdp' | 'enforceMfaByFederatedIdp';
  requireSignedAuthnRequests?: boolean;
  microsoftSigningCertificates?: string[];
  idpEntityId?: string;
  spEntityId?: string;
  spAssertionConsumerServices?: Array<{ url: string; binding?: string | null; index?: number | null; isDefault?: boolean | null }>;
  spSigningCertificates?: string[];
  spEncryptionCertificate?: string;
  spWantAssertionsSigned?: boolean;
  spAuthnRequestsSigned?: boolean;
  spNameIdFormats?: string[];
  nameIdFormat?: NameIdFormatName;
  nameIdSourceAttribute?: string;
  attributes?: Array<{ name: string; nameFormat?: AttributeNameFormatName | null; friendlyName?: string | null; profileField: string }>;
  signAssertion?: boolean;
  signResponse?: boolean;
  signatureAlgorithm?: 'RSA_SHA256' | 'RSA_SHA512' | 'RSA_SHA1';
  authnContextMfa?: string;
  authnContextPasswordOnly?: string;
}

export const NAMEID_FORMATS = { PERSISTENT: NAMEID_FORMAT.persistent, EMAIL_ADDRESS: NAMEID_FORMAT.emailAddress, UNSPECIFIED: NAMEID_FORMAT.unspecified, TRANSIENT: NAMEID_FORMAT.transient } as const;
export type NameIdFormatName = keyof typeof NAMEID_FORMATS;
export const ATTRIBUTE_NAME_FORMATS = { BASIC: ATTRNAME_FORMAT.basic, URI: ATTRNAME_FORMAT.uri, UNSPECIFIED: ATTRNAME_FORMAT.unspecified } as const;
export type AttributeNameFormatName = keyof typeof ATTRIBUTE_NAME_FORMATS;

const nameOf = <T extends Record<string, string>>(table: T, uri: string | undefined): keyof T | undefined =>
  uri === undefined ? undefined : (Object.keys(table) as Array<keyof T>).find((k) => table[k] === uri);

/** Flattens a stored config (for output, and as the base an update is merged onto). */
export function fieldsFromConfig(name: string, config: SamlConnectorConfig): SamlConnectorFields {
  if (config.kind === 'OFFICE_365') {
    return {
      name,
      kind: config.kind,
      federatedDomain: config.federatedDomain,
      brandName: config.brandName,
      issuerUri: config.issuerUri,
      immutableIdAttribute: config.immutableId.attribute,
      immutableIdEncoding: config.immutableId.encoding === 'string' ? 'STRING' : 'BINARY',
      upnAttribute: config.upnAttribute,
      mfaBehavior: config.mfaBehavior,
      requireSignedAuthnRequests: config.requireSignedAuthnRequests,
      microsoftSigningCertificates: config.microsoftSigningCertificates,
    };
  }
  return {
    name,
    kind: config.kind,
    idpEntityId: config.idpEntityId,
    spEntityId: config.sp.entityId,
    spAssertionConsumerServices: config.sp.assertionConsumerServices,
    spSigningCertificates: config.sp.signingCertificates,
    ...(config.sp.encryptionCertificate ? { spEncryptionCertificate: config.sp.encryptionCertificate } : {}),
    spWantAssertionsSigned: config.sp.wantAssertionsSigned,
    spAuthnRequestsSigned: config.sp.authnRequestsSigned,
    spNameIdFormats: config.sp.nameIdFormats,
    nameIdFormat: nameOf(NAMEID_FORMATS, config.nameId.format),
    nameIdSourceAttribute: config.nameId.sourceAttribute,
    attributes: config.attributes.map((a) => ({ name: a.name, nameFormat: nameOf(ATTRIBUTE_NAME_FORMATS, a.nameFormat) ?? null, friendlyName: a.friendlyName ?? null, profileField: a.profileField })),
    signAssertion: config.signAssertion,
    signResponse: config.signResponse,
    signatureAlgorithm: config.signatureAlgorithm,
    ...(config.requireSignedAuthnRequests !== undefined ? { requireSignedAuthnRequests: config.requireSignedAuthnRequests } : {}),
    ...(config.authnContext ? { authnContextMfa: config.authnContext.mfa, authnContextPasswordOnly: config.authnContext.passwordOnly } : {}),
  };
}

/** The fields an update gives replace the stored ones; null or absent keeps them. */
export function mergeFields(current: SamlConnectorFields, input: SamlConnectorFields): SamlConnectorFields {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  return { ...current, ...given };
}

const optional = (value: string | undefined) => (value?.trim() ? value : undefined);
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/**
 * The nested input `parseConnectorConfig` reads. Required text left out goes in as '' so the
 * admin reads the schema's sentence for it ("must be a domain name such as contoso.com"), not
 * a type error; optional text left empty goes in as absent, taking the default.
 */
export function configFromFields(f: SamlConnectorFields): Record<string, unknown> {
  if (f.kind === 'OFFICE_365') {
    return defined({
      kind: f.kind,
      federatedDomain: f.federatedDomain ?? '',
      brandName: f.brandName ?? '',
      issuerUri: optional(f.issuerUri),
      immutableId: defined({ attribute: f.immutableIdAttribute ?? '', encoding: f.immutableIdEncoding?.toLowerCase() }),
      upnAttribute: optional(f.upnAttribute),
      mfaBehavior: f.mfaBehavior,
      requireSignedAuthnRequests: f.requireSignedAuthnRequests,
      microsoftSigningCertificates: f.microsoftSigningCertificates,
    });
  }
  if (f.kind === 'GENERIC') {
    const mfa = optional(f.authnContextMfa);
    const passwordOnly = optional(f.authnContextPasswordOnly);
    return defined({
      kind: f.kind,
      idpEntityId: optional(f.idpEntityId),
      sp: defined({
        entityId: f.spEntityId ?? '',
        assertionConsumerServices: (f.spAssertionConsumerServices ?? []).map((a) => defined({ ...a })),
        signingCertificates: f.spSigningCertificates,
        encryptionCertificate: optional(f.spEncryptionCertificate),
        wantAssertionsSigned: f.spWantAssertionsSigned,
        authnRequestsSigned: f.spAuthnRequestsSigned,
        nameIdFormats: f.spNameIdFormats,
      }),
      nameId: defined({ format: f.nameIdFormat ? NAMEID_FORMATS[f.nameIdFormat] : undefined, sourceAttribute: f.nameIdSourceAttribute ?? '' }),
      attributes: f.attributes?.map((a) => defined({ name: a.name, nameFormat: a.nameFormat ? ATTRIBUTE_NAME_FORMATS[a.nameFormat] : undefined, friendlyName: optional(a.friendlyName ?? undefined), profileField: a.profileField })),
      signAssertion: f.signAssertion,
      signResponse: f.signResponse,
      signatureAlgorithm: f.signatureAlgorithm,
      requireSignedAuthnRequests: f.requireSignedAuthnRequests,
      authnContext: mfa || passwordOnly ? { mfa: mfa ?? '', passwordOnly: passwordOnly ?? '' } : undefined,
    });
  }
  return { kind: f.kind };
}

const GROUPS: Record<string, string> = { immutableId: 'immutableIdAttribute', sp: 'spEntityId', nameId: 'nameIdFormat', authnContext: 'authnContextMfa' };

/** `immutableId.attribute` → `immutableIdAttribute`, `sp.assertionConsumerServices.0.url` → `spAssertionConsumerServices.0.url`. */
export function flatFieldName(path: string): string {
  const [head, next, ...rest] = path.split('.');
  if (head && GROUPS[head]) {
    if (next === undefined) return GROUPS[head]!;
    return [`${head}${next[0]!.toUpperCase()}${next.slice(1)}`, ...rest].join('.');
  }
  return path;
}

/** Runs `action`, renaming the fields of a validation error to the flat names the dashboard shows. */
export async function withFlatFieldNames<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
    const fields = (error.details as { fields?: FieldErrors } | undefined)?.fields;
    if (!fields) throw error;
    const renamed: FieldErrors = {};
    for (const [path, message] of Object.entries(fields)) renamed[flatFieldName(path)] ??= message;
    throw validationError(renamed);
  }
}
