import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { connectorWarnings, describeCertificate, serviceProviderOf } from '../../saml';
import type { SamlConnectorInput as ServiceSamlConnectorInput, SamlConnectorRecord } from '../../saml-config';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import type { StoredSigningKey } from '../../domain/saml-connector';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import {
  FederationScript,
  FederationScriptKindEnum,
  SamlCertificate,
  SamlConnector,
  SamlConnectorInput,
  SpMetadataImport,
  type FederatedMfaBehaviorEnum,
  type ImmutableIdEncodingEnum,
  type NameIdFormatEnum,
  type SamlAttributeNameFormatEnum,
  type SamlConnectorKindEnum,
  type SamlSignatureAlgorithmEnum,
} from '../types/saml-connector.type';
import { configFromFields, fieldsFromConfig, mergeFields, withFlatFieldNames, type SamlConnectorFields } from './internal/saml-connector-fields';

const DAY_MS = 86_400_000;

/** A new connector's input as the service reads it: the flat GraphQL fields folded into a config. */
function newConnectorInput(input: SamlConnectorInput): ServiceSamlConnectorInput {
  const { spMetadataXml, ...rest } = input;
  const fields = mergeFields({}, rest as SamlConnectorFields);
  return { name: fields.name ?? '', config: configFromFields(fields), spMetadataXml };
}

/** An edit as the service reads it: the fields sent, over the connector's current ones (spMetadataXml is ignored). */
function changedConnectorInput(current: SamlConnectorRecord, input: SamlConnectorInput): ServiceSamlConnectorInput {
  const { spMetadataXml: _, ...rest } = input;
  const fields = mergeFields(fieldsFromConfig(current.name, current.config), rest as SamlConnectorFields);
  return { name: fields.name ?? '', config: configFromFields(fields) };
}

/** Only the public half of a key: the sealed private key never leaves the read model. */
function ownCertificate(key: StoredSigningKey, now: Date): SamlCertificate {
  return {
    certificatePem: key.certificatePem,
    certificateBase64Der: key.certificateBase64Der,
    fingerprintSha256: key.fingerprintSha256,
    notAfter: new Date(key.notAfter),
    expiresInDays: Math.floor((Date.parse(key.notAfter) - now.getTime()) / DAY_MS),
  };
}

/** A certificate an admin pasted; the config checks its shape only, so one may not parse. */
function pastedCertificate(base64: string, now: Date): SamlCertificate {
  try {
    const c = describeCertificate(base64);
    return { ...c, notAfter: new Date(c.notAfter), expiresInDays: Math.floor((Date.parse(c.notAfter) - now.getTime()) / DAY_MS) };
  } catch {
    return { certificatePem: base64, certificateBase64Der: base64, fingerprintSha256: null, notAfter: null, expiresInDays: null };
  }
}

function toSamlConnector(record: SamlConnectorRecord, usedByServiceIds: string[], now: Date): SamlConnector {
  const f = fieldsFromConfig(record.name, record.config);
  const sp = record.config.kind === 'GENERIC' ? record.config.sp : undefined;
  return {
    id: record.id,
    name: record.name,
    kind: record.kind as SamlConnectorKindEnum,
    issuer: record.issuer,
    template: record.template,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    warnings: connectorWarnings(record.config),
    usedByServiceIds,
    federatedDomain: f.federatedDomain ?? null,
    brandName: f.brandName ?? null,
    issuerUri: f.issuerUri ?? null,
    immutableIdAttribute: f.immutableIdAttribute ?? null,
    immutableIdEncoding: (f.immutableIdEncoding as ImmutableIdEncodingEnum | undefined) ?? null,
    upnAttribute: f.upnAttribute ?? null,
    mfaBehavior: (f.mfaBehavior as FederatedMfaBehaviorEnum | undefined) ?? null,
    requireSignedAuthnRequests: serviceProviderOf(record.config).requireSignedAuthnRequests,
    microsoftSigningCertificates: (f.microsoftSigningCertificates ?? []).map((c) => pastedCertificate(c, now)),
    idpEntityId: f.idpEntityId ?? null,
    spEntityId: f.spEntityId ?? null,
    spAssertionConsumerServices: (sp?.assertionConsumerServices ?? []).map((a) => ({ url: a.url, binding: a.binding, index: a.index ?? null, isDefault: a.isDefault ?? null })),
    spSigningCertificates: (f.spSigningCertificates ?? []).map((c) => pastedCertificate(c, now)),
    spEncryptionCertificate: f.spEncryptionCertificate ? pastedCertificate(f.spEncryptionCertificate, now) : null,
    spWantAssertionsSigned: f.spWantAssertionsSigned ?? null,
    spAuthnRequestsSigned: f.spAuthnRequestsSigned ?? null,
    spNameIdFormats: f.spNameIdFormats ?? [],
    nameIdFormat: (f.nameIdFormat as NameIdFormatEnum | undefined) ?? null,
    nameIdSourceAttribute: f.nameIdSourceAttribute ?? null,
    attributes: (f.attributes ?? []).map((a) => ({ name: a.name, nameFormat: (a.nameFormat as SamlAttributeNameFormatEnum | null | undefined) ?? null, friendlyName: a.friendlyName ?? null, profileField: a.profileField })),
    signAssertion: f.signAssertion ?? null,
    signResponse: f.signResponse ?? null,
    signatureAlgorithm: (f.signatureAlgorithm as SamlSignatureAlgorithmEnum | undefined) ?? null,
    authnContextMfa: f.authnContextMfa ?? null,
    authnContextPasswordOnly: f.authnContextPasswordOnly ?? null,
    signingCertificate: ownCertificate(record.signing.current, now),
    nextSigningCertificate: record.signing.next ? ownCertificate(record.signing.next, now) : null,
    previousSigningCertificate: record.signing.previous ? ownCertificate(record.signing.previous, now) : null,
  };
}

@Resolver()
export class SamlConnectorResolver {
  @Authorized('config:read')
  @Query(() => [SamlConnector], { description: 'SAML connectors of your organisation, by name.' })
  samlConnectors(@Ctx() ctx: GraphQLContext): SamlConnector[] {
    const { samlConnectors, now } = ctx.services;
    return samlConnectors.list(tenantOf(ctx)).map((r) => toSamlConnector(r, samlConnectors.servicesUsing(r.tenantId, r.id).map((s) => s.id), now()));
  }

  @Authorized('config:read')
  @Query(() => SamlConnector, { description: 'One SAML connector.' })
  samlConnector(@Arg('id', () => ID, { description: 'The connector id, from samlConnectors.' }) id: string, @Ctx() ctx: GraphQLContext): SamlConnector {
    const { samlConnectors, now } = ctx.services;
    const record = samlConnectors.find(tenantOf(ctx), id);
    return toSamlConnector(record, samlConnectors.servicesUsing(record.tenantId, id).map((s) => s.id), now());
  }

  @Authorized('config:write')
  @Query(() => InputCheck, {
    description: 'What createSamlConnector (no id) or updateSamlConnector (with id) would answer for this input, without saving or generating a key. Field problems name the flat input fields.',
  })
  checkSamlConnectorInput(
    @Arg('input', () => SamlConnectorInput, { description: 'The settings as the form holds them now.' }) input: SamlConnectorInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'The connector being edited; left out for a new connector.' }) id?: string | null,
  ): Promise<InputCheck> {
    const { samlConnectors } = ctx.services;
    return inputCheckOf(() =>
      withFlatFieldNames(() =>
        id ? samlConnectors.check(id, changedConnectorInput(samlConnectors.find(tenantOf(ctx), id), input), commandContextOf(ctx))
          : samlConnectors.check(null, newConnectorInput(input), commandContextOf(ctx)),
      ),
    );
  }

  @Authorized('config:write')
  @Mutation(() => SamlConnector, { description: 'Creates a SAML connector with a fresh signing key. Field errors name the flat input fields.' })
  async createSamlConnector(@Arg('input', () => SamlConnectorInput, { description: 'The settings of the new connector; name and kind are required.' }) input: SamlConnectorInput, @Ctx() ctx: GraphQLContext): Promise<SamlConnector> {
    const id = await withFlatFieldNames(() => ctx.services.samlConnectors.create(newConnectorInput(input), commandContextOf(ctx)));
    return this.samlConnector(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => SamlConnector, { description: 'Changes a SAML connector; fields left out keep their values.' })
  async updateSamlConnector(
    @Arg('id', () => ID, { description: 'The connector id, from samlConnectors.' }) id: string,
    @Arg('input', () => SamlConnectorInput, { description: 'The fields to change; spMetadataXml is ignored here (use importSpMetadata).' }) input: SamlConnectorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SamlConnector> {
    const changed = changedConnectorInput(ctx.services.samlConnectors.find(tenantOf(ctx), id), input);
    await withFlatFieldNames(() => ctx.services.samlConnectors.update(id, changed, commandContextOf(ctx)));
    return this.samlConnector(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => Boolean, { description: 'Deletes a SAML connector; refused while a service uses it.' })
  async deleteSamlConnector(@Arg('id', () => ID, { description: 'The connector id, from samlConnectors.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.samlConnectors.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('config:write')
  @Mutation(() => SpMetadataImport, { description: "Reads a service provider's pasted SAML metadata into a generic connector (entity ID, ACS URLs, certificates, flags)." })
  async importSpMetadata(
    @Arg('connectorId', () => ID, { description: 'The generic SAML connector to fill in.' }) connectorId: string,
    @Arg('xml', () => String, { description: "The service provider's SAML metadata XML (an EntityDescriptor with an SPSSODescriptor); it replaces the connector's sp* fields." }) xml: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpMetadataImport> {
    const warnings = await withFlatFieldNames(() => ctx.services.samlConnectors.importSpMetadata(connectorId, xml, commandContextOf(ctx)));
    return { connector: this.samlConnector(connectorId, ctx), warnings };
  }

  @Authorized('config:write')
  @Mutation(() => SamlConnector, {
    description: 'Generates the next signing key (replacing an unused one). Publish its certificate to the service provider (metadata, or the federation/rollover script), then rotate.',
  })
  async generateNextSigningKey(@Arg('connectorId', () => ID, { description: 'The connector id, from samlConnectors.' }) connectorId: string, @Ctx() ctx: GraphQLContext): Promise<SamlConnector> {
    await ctx.services.samlConnectors.generateNextKey(connectorId, commandContextOf(ctx));
    return this.samlConnector(connectorId, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => SamlConnector, { description: 'Makes the next signing key the one Countersign signs with; the old one is kept as previous.' })
  async rotateSigningKey(@Arg('connectorId', () => ID, { description: 'The connector id; it must have a next signing key.' }) connectorId: string, @Ctx() ctx: GraphQLContext): Promise<SamlConnector> {
    await ctx.services.samlConnectors.rotateKey(connectorId, commandContextOf(ctx));
    return this.samlConnector(connectorId, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => SamlConnector, { description: 'Stops publishing the signing key the last rotation replaced.' })
  async removePreviousSigningKey(@Arg('connectorId', () => ID, { description: 'The connector id, from samlConnectors.' }) connectorId: string, @Ctx() ctx: GraphQLContext): Promise<SamlConnector> {
    await ctx.services.samlConnectors.removePreviousKey(connectorId, commandContextOf(ctx));
    return this.samlConnector(connectorId, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => FederationScript, {
    description:
      "Generates a PowerShell script for an Office 365 connector's domain with exactly what Countersign uses: its Issuer, the sign-in and sign-out URLs of the service that uses it, and its signing certificate. Recorded in the audit history.",
  })
  async generateFederationScript(
    @Arg('connectorId', () => ID, { description: 'The Office 365 connector whose domain the script is for.' }) connectorId: string,
    @Arg('kind', () => FederationScriptKindEnum, { description: 'Which script to generate.' }) kind: FederationScriptKindEnum,
    @Ctx() ctx: GraphQLContext,
    @Arg('serviceId', () => ID, { nullable: true, description: 'The service whose URLs to use, when several use this connector.' }) serviceId?: string | null,
  ): Promise<FederationScript> {
    const download = await ctx.services.samlConnectors.federationScript(connectorId, kind, commandContextOf(ctx), serviceId ?? undefined);
    return { ...download, kind: download.kind as FederationScriptKindEnum };
  }
}
