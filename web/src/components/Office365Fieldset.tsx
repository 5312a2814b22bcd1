import { useId } from 'react';
import type { FederatedMfaBehavior, ImmutableIdEncoding, SamlCertificate } from '../graphql/samlTypes';
import { listError, type SamlFieldsetProps } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { IMMUTABLE_ID_ENCODINGS, MFA_BEHAVIOURS } from '../internal/samlLabels';
import { CheckboxField } from './CheckboxField';
import { PastedCertificatesField } from './PastedCertificatesField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const IMMUTABLE_ID_SOURCES = [
  { value: 'mS-DS-ConsistencyGuid', label: 'Entra Connect 1.1.524 and later (binary)' },
  { value: 'objectGUID', label: 'Older Entra Connect / DirSync installs (binary)' },
  { value: 'entryUUID', label: 'OpenLDAP' },
];

/** The Microsoft 365 side of an Office 365 connector: the domain, how users are matched, and request signing. */
export function Office365Fieldset({ values, set, errors, savedMicrosoftCertificates }: SamlFieldsetProps & { savedMicrosoftCertificates: SamlCertificate[] }) {
  const sources = useId();
  const attribute = { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } as const;
  return (
    <>
      <fieldset className="form-section">
        <legend>Microsoft 365 domain</legend>
        <p className="form-section-intro">
          The domain whose users sign in through Countersign. Microsoft’s side (urn:federation:MicrosoftOnline) is built
          in; the federation script below applies these values in Entra ID.
        </p>
        <div className="form-grid">
          <TextField
            {...attribute}
            label="Federated domain"
            name="federatedDomain"
            placeholder="contoso.com"
            value={values.federatedDomain}
            onChange={(event) => set('federatedDomain', event.target.value)}
            error={errors.federatedDomain}
            help={SAML_FIELD_HELP.federatedDomain}
          />
          <TextField
            label="Brand name"
            name="brandName"
            autoComplete="organization"
            placeholder="Contoso"
            value={values.brandName}
            onChange={(event) => set('brandName', event.target.value)}
            error={errors.brandName}
            help={SAML_FIELD_HELP.brandName}
          />
        </div>
        <TextField
          {...attribute}
          className="field-mono"
          label="Issuer URI"
          name="issuerUri"
          placeholder="Empty: this server’s own, …/saml/<connector id>"
          value={values.issuerUri}
          onChange={(event) => set('issuerUri', event.target.value)}
          error={errors.issuerUri}
          help={SAML_FIELD_HELP.issuerUri}
          hint="Leave empty for Countersign’s own URI for this connector."
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Matching users</legend>
        <p className="form-section-intro">
          How Entra ID recognises the user Countersign signed in: the ImmutableID must equal the user’s
          onPremisesImmutableId, and the UPN their userPrincipalName.
        </p>
        <div className="form-grid">
          <TextField
            {...attribute}
            label="ImmutableID attribute"
            name="immutableIdAttribute"
            list={sources}
            placeholder="mS-DS-ConsistencyGuid"
            value={values.immutableIdAttribute}
            onChange={(event) => set('immutableIdAttribute', event.target.value)}
            error={errors.immutableIdAttribute}
            help={SAML_FIELD_HELP.immutableIdAttribute}
          />
          <SelectField
            label="ImmutableID encoding"
            name="immutableIdEncoding"
            value={values.immutableIdEncoding}
            onChange={(event) => set('immutableIdEncoding', event.target.value as ImmutableIdEncoding)}
            options={IMMUTABLE_ID_ENCODINGS}
            error={errors.immutableIdEncoding}
            help={SAML_FIELD_HELP.immutableIdEncoding}
            warning={
              values.immutableIdEncoding === 'STRING' && /guid$/i.test(values.immutableIdAttribute.trim())
                ? 'GUID attributes hold raw bytes; Entra Connect sends them as base64, so choose Binary.'
                : undefined
            }
          />
          <TextField
            {...attribute}
            label="UPN attribute"
            name="upnAttribute"
            placeholder="userPrincipalName"
            value={values.upnAttribute}
            onChange={(event) => set('upnAttribute', event.target.value)}
            error={errors.upnAttribute}
            help={SAML_FIELD_HELP.upnAttribute}
          />
          <datalist id={sources}>
            {IMMUTABLE_ID_SOURCES.map((source) => (
              <option key={source.value} value={source.value} label={source.label} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Multi-factor and request signing</legend>
        <SelectField
          className="field-narrow"
          label="MFA behaviour"
          name="mfaBehavior"
          value={values.mfaBehavior}
          onChange={(event) => set('mfaBehavior', event.target.value as FederatedMfaBehavior)}
          options={MFA_BEHAVIOURS}
          error={errors.mfaBehavior}
          help={SAML_FIELD_HELP.mfaBehavior}
          hint={<>Entra ID’s federatedIdpMfaBehavior: <code>{values.mfaBehavior}</code></>}
          warning={
            values.mfaBehavior === 'enforceMfaByFederatedIdp'
              ? 'Entra ID then sends users back here whenever a policy needs MFA; test it on a trial tenant before rolling out.'
              : undefined
          }
        />
        <CheckboxField
          label="Require signed sign-in requests"
          name="requireSignedAuthnRequests"
          checked={values.requireSignedAuthnRequests}
          onChange={(event) => set('requireSignedAuthnRequests', event.target.checked)}
          error={errors.requireSignedAuthnRequests}
          help={SAML_FIELD_HELP.requireSignedAuthnRequests}
          hint="Turn on only together with Entra ID’s isSignedAuthenticationRequestRequired; it needs Microsoft’s signing certificates."
        />
        {values.requireSignedAuthnRequests || values.microsoftSigningCertificates.trim() ? (
          <PastedCertificatesField
            label="Microsoft signing certificates"
            name="microsoftSigningCertificates"
            value={values.microsoftSigningCertificates}
            onChange={(value) => set('microsoftSigningCertificates', value)}
            saved={savedMicrosoftCertificates}
            help={SAML_FIELD_HELP.microsoftSigningCertificates}
            hint="Copy each <X509Certificate> of the signing KeyDescriptor from Microsoft’s federation metadata: one per line, or as PEM."
            error={listError(errors, 'microsoftSigningCertificates')}
          />
        ) : null}
      </fieldset>
    </>
  );
}
