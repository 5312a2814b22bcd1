import type {
  FederatedMfaBehavior,
  ImmutableIdEncoding,
  NameIdFormat,
  SamlAttributeNameFormat,
  SamlCertificate,
  SamlConnector,
  SamlConnectorInput,
  SamlConnectorKind,
  SamlSignatureAlgorithm,
} from '../graphql/samlTypes';
import { SAML_BINDINGS } from './samlLabels';

/** One AssertionConsumerService row as typed. */
export interface AcsRow {
  key: string;
  url: string;
  binding: string;
  index: string;
  isDefault: boolean;
}

/** One attribute-mapping row as typed: SAML attribute name ← directory field. */
export interface AttributeRow {
  key: string;
  name: string;
  profileField: string;
  nameFormat: '' | SamlAttributeNameFormat;
  friendlyName: string;
}

/** The SAML connector form as the admin types it; certificate lists are one text box each. */
export interface SamlConnectorFormValues {
  name: string;
  kind: SamlConnectorKind;
  federatedDomain: string;
  brandName: string;
  issuerUri: string;
  immutableIdAttribute: string;
  immutableIdEncoding: ImmutableIdEncoding;
  upnAttribute: string;
  mfaBehavior: FederatedMfaBehavior;
  requireSignedAuthnRequests: boolean;
  microsoftSigningCertificates: string;
  /** New generic connectors only: metadata read by the server on create, instead of the sp* fields. */
  spMetadataXml: string;
  spEntityId: string;
  acs: AcsRow[];
  spSigningCertificates: string;
  spWantAssertionsSigned: boolean;
  spAuthnRequestsSigned: boolean;
  idpEntityId: string;
  nameIdFormat: NameIdFormat;
  nameIdSourceAttribute: string;
  attributes: AttributeRow[];
  signAssertion: boolean;
  signResponse: boolean;
  signatureAlgorithm: SamlSignatureAlgorithm;
  authnContextMfa: string;
  authnContextPasswordOnly: string;
}

/** What the connector fieldsets get from the form. */
export interface SamlFieldsetProps {
  values: SamlConnectorFormValues;
  set: <K extends keyof SamlConnectorFormValues>(field: K, value: SamlConnectorFormValues[K]) => void;
  errors: Record<string, string>;
  mode: 'new' | 'edit';
}

let nextKey = 0;
export const newRowKey = () => `row-${++nextKey}`;

export const newAcsRow = (url = ''): AcsRow => ({ key: newRowKey(), url, binding: SAML_BINDINGS.post, index: '', isDefault: false });
export const newAttributeRow = (name = '', profileField = ''): AttributeRow => ({
  key: newRowKey(),
  name,
  profileField,
  nameFormat: '',
  friendlyName: '',
});

export function newSamlConnectorForm(kind: SamlConnectorKind = 'OFFICE_365'): SamlConnectorFormValues {
  return {
    name: '',
    kind,
    federatedDomain: '',
    brandName: '',
    issuerUri: '',
    immutableIdAttribute: 'mS-DS-ConsistencyGuid',
    immutableIdEncoding: 'BINARY',
    upnAttribute: 'userPrincipalName',
    mfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
    requireSignedAuthnRequests: false,
    microsoftSigningCertificates: '',
    spMetadataXml: '',
    spEntityId: '',
    acs: [newAcsRow()],
    spSigningCertificates: '',
    spWantAssertionsSigned: true,
    spAuthnRequestsSigned: false,
    idpEntityId: '',
    nameIdFormat: 'EMAIL_ADDRESS',
    nameIdSourceAttribute: 'mail',
    attributes: [newAttributeRow('email', 'mail'), newAttributeRow('displayName', 'displayName')],
    signAssertion: true,
    signResponse: true,
    signatureAlgorithm: 'RSA_SHA256',
    authnContextMfa: '',
    authnContextPasswordOnly: '',
  };
}

const pems = (certificates: SamlCertificate[]) => certificates.map((c) => c.certificatePem.trim()).join('\n');

/** The form filled in from a saved connector. */
export function samlConnectorFormFrom(connector: SamlConnector): SamlConnectorFormValues {
  const blank = newSamlConnectorForm(connector.kind);
  const text = (value: string | null) => value ?? '';
  return {
    ...blank,
    name: connector.name,
    federatedDomain: text(connector.federatedDomain),
    brandName: text(connector.brandName),
    issuerUri: text(connector.issuerUri),
    immutableIdAttribute: text(connector.immutableIdAttribute),
    immutableIdEncoding: connector.immutableIdEncoding ?? 'BINARY',
    upnAttribute: text(connector.upnAttribute),
    mfaBehavior: connector.mfaBehavior ?? blank.mfaBehavior,
    requireSignedAuthnRequests: connector.requireSignedAuthnRequests,
    microsoftSigningCertificates: pems(connector.microsoftSigningCertificates),
    spEntityId: text(connector.spEntityId),
    acs:
      connector.spAssertionConsumerServices.length > 0
        ? connector.spAssertionConsumerServices.map((a) => ({
            key: newRowKey(),
            url: a.url,
            binding: a.binding,
            index: a.index === null ? '' : String(a.index),
            isDefault: a.isDefault ?? false,
          }))
        : [newAcsRow()],
    spSigningCertificates: pems(connector.spSigningCertificates),
    spWantAssertionsSigned: connector.spWantAssertionsSigned ?? blank.spWantAssertionsSigned,
    spAuthnRequestsSigned: connector.spAuthnRequestsSigned ?? blank.spAuthnRequestsSigned,
    idpEntityId: text(connector.idpEntityId),
    nameIdFormat: connector.nameIdFormat ?? blank.nameIdFormat,
    nameIdSourceAttribute: connector.kind === 'GENERIC' ? text(connector.nameIdSourceAttribute) : blank.nameIdSourceAttribute,
    attributes:
      connector.kind === 'GENERIC'
        ? connector.attributes.map((a) => ({
            key: newRowKey(),
            name: a.name,
            profileField: a.profileField,
            nameFormat: a.nameFormat ?? '',
            friendlyName: a.friendlyName ?? '',
          }))
        : blank.attributes,
    signAssertion: connector.signAssertion ?? true,
    signResponse: connector.signResponse ?? true,
    signatureAlgorithm: connector.signatureAlgorithm ?? 'RSA_SHA256',
    authnContextMfa: text(connector.authnContextMfa),
    authnContextPasswordOnly: text(connector.authnContextPasswordOnly),
  };
}

/**
 * Certificates pasted into one box: PEM blocks, or one base64 DER certificate per line
 * (as copied from `<ds:X509Certificate>`).
 */
export function splitCertificates(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((block) => block.trim());
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** What the browser can tell before asking the server: ACS indexes that are not whole numbers. */
export function samlConnectorFormProblems(values: SamlConnectorFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.kind !== 'GENERIC' || values.spMetadataXml.trim()) return problems;
  values.acs.forEach((row, i) => {
    if (row.index.trim() !== '' && !/^\d{1,5}$/.test(row.index.trim())) {
      problems[`spAssertionConsumerServices.${i}.index`] = 'The index must be a whole number from 0 to 65535, or empty.';
    }
  });
  return problems;
}

/**
 * What the form sends. Only the fields of the connector's kind go; a new generic connector
 * with metadata sends the metadata instead of the service provider fields. Empty Issuer URI
 * and IdP entity ID ask the server for the suggested one.
 */
export function samlConnectorInputFrom(values: SamlConnectorFormValues, mode: 'new' | 'edit'): SamlConnectorInput {
  const input: SamlConnectorInput = { name: values.name.trim(), kind: values.kind };
  if (values.kind === 'OFFICE_365') {
    return {
      ...input,
      federatedDomain: values.federatedDomain.trim(),
      brandName: values.brandName.trim(),
      issuerUri: values.issuerUri.trim(),
      immutableIdAttribute: values.immutableIdAttribute.trim(),
      immutableIdEncoding: values.immutableIdEncoding,
      upnAttribute: values.upnAttribute.trim(),
      mfaBehavior: values.mfaBehavior,
      requireSignedAuthnRequests: values.requireSignedAuthnRequests,
      microsoftSigningCertificates: splitCertificates(values.microsoftSigningCertificates),
    };
  }
  const metadata = mode === 'new' ? values.spMetadataXml.trim() : '';
  const sp: SamlConnectorInput = metadata
    ? { spMetadataXml: metadata }
    : {
        spEntityId: values.spEntityId.trim(),
        // Every row goes, even an empty one, so the server's messages name the row the admin sees.
        spAssertionConsumerServices: values.acs.map((row) => ({
          url: row.url.trim(),
          binding: row.binding,
          ...(row.index.trim() !== '' ? { index: Number(row.index.trim()) } : {}),
          ...(row.isDefault ? { isDefault: true } : {}),
        })),
        spSigningCertificates: splitCertificates(values.spSigningCertificates),
        spWantAssertionsSigned: values.spWantAssertionsSigned,
        spAuthnRequestsSigned: values.spAuthnRequestsSigned,
        requireSignedAuthnRequests: values.requireSignedAuthnRequests,
      };
  return {
    ...input,
    ...sp,
    idpEntityId: values.idpEntityId.trim(),
    nameIdFormat: values.nameIdFormat,
    nameIdSourceAttribute: values.nameIdSourceAttribute.trim(),
    attributes: values.attributes.map((row) => ({
      name: row.name.trim(),
      profileField: row.profileField.trim(),
      ...(row.nameFormat ? { nameFormat: row.nameFormat } : {}),
      ...(row.friendlyName.trim() ? { friendlyName: row.friendlyName.trim() } : {}),
    })),
    signAssertion: values.signAssertion,
    signResponse: values.signResponse,
    signatureAlgorithm: values.signatureAlgorithm,
    authnContextMfa: values.authnContextMfa.trim(),
    authnContextPasswordOnly: values.authnContextPasswordOnly.trim(),
  };
}

/**
 * A server message for a list field, whether it names the list (`spSigningCertificates`) or
 * one entry (`spSigningCertificates.1` → "Certificate 2: …").
 */
export function listError(errors: Record<string, string>, field: string, entry = 'Certificate'): string | undefined {
  if (errors[field]) return errors[field];
  const match = Object.keys(errors).find((key) => new RegExp(`^${field}\\.\\d+$`).test(key));
  if (!match) return undefined;
  return `${entry} ${Number(match.split('.')[1]) + 1}: ${errors[match]}`;
}

/** The form's values as text without the rows' React keys, to tell whether it differs from what is saved. */
export function formSnapshot(values: SamlConnectorFormValues): string {
  return JSON.stringify(values, (name, value: unknown) => (name === 'key' ? undefined : value));
}
