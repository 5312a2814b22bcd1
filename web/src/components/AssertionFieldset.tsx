import { useId } from 'react';
import type { NameIdFormat, SamlSignatureAlgorithm } from '../graphql/samlTypes';
import type { SamlFieldsetProps } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { DIRECTORY_ATTRIBUTE_SUGGESTIONS, NAME_ID_FORMATS, nameIdFormatOfUri, SIGNATURE_ALGORITHMS } from '../internal/samlLabels';
import { CheckboxField } from './CheckboxField';
import { SamlAttributesField } from './SamlAttributesField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** What a generic connector's answer says and how it is signed: Issuer, NameID, attributes, signatures. */
export function AssertionFieldset({ values, set, errors, spNameIdFormats }: SamlFieldsetProps & { spNameIdFormats: string[] }) {
  const suggestions = useId();
  const attribute = { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } as const;
  const listed = spNameIdFormats.map((uri) => nameIdFormatOfUri(uri)).filter((format): format is NameIdFormat => Boolean(format));
  const nameIdHint =
    listed.length > 0
      ? `Its metadata lists: ${listed.map((format) => NAME_ID_FORMATS.find((f) => f.value === format)?.label ?? format).join(', ')}.`
      : undefined;
  return (
    <>
      <fieldset className="form-section">
        <legend>Assertion</legend>
        <TextField
          {...attribute}
          className="field-mono"
          label="IdP entity ID (Issuer)"
          name="idpEntityId"
          placeholder="Empty: this server’s own, …/saml/<connector id>"
          value={values.idpEntityId}
          onChange={(event) => set('idpEntityId', event.target.value)}
          error={errors.idpEntityId}
          help={SAML_FIELD_HELP.idpEntityId}
          hint="Leave empty for Countersign’s own entity ID for this connector."
        />
        <div className="form-grid">
          <SelectField
            label="NameID format"
            name="nameIdFormat"
            value={values.nameIdFormat}
            onChange={(event) => set('nameIdFormat', event.target.value as NameIdFormat)}
            options={NAME_ID_FORMATS}
            error={errors.nameIdFormat}
            help={SAML_FIELD_HELP.nameIdFormat}
            hint={nameIdHint}
            warning={
              listed.length > 0 && !listed.includes(values.nameIdFormat)
                ? 'The service provider’s metadata does not list this format; it may refuse the answer.'
                : undefined
            }
          />
          <TextField
            {...attribute}
            label="NameID source attribute"
            name="nameIdSourceAttribute"
            list={suggestions}
            placeholder="mail"
            value={values.nameIdSourceAttribute}
            onChange={(event) => set('nameIdSourceAttribute', event.target.value)}
            error={errors.nameIdSourceAttribute}
            help={SAML_FIELD_HELP.nameIdSourceAttribute}
          />
          <datalist id={suggestions}>
            {DIRECTORY_ATTRIBUTE_SUGGESTIONS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <SamlAttributesField rows={values.attributes} onChange={(rows) => set('attributes', rows)} errors={errors} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Signing and authentication context</legend>
        <div className="form-grid">
          <CheckboxField
            label="Sign the assertion"
            name="signAssertion"
            checked={values.signAssertion}
            onChange={(event) => set('signAssertion', event.target.checked)}
            error={errors.signAssertion}
            help={SAML_FIELD_HELP.signAssertion}
            warning={
              !values.signAssertion && values.spWantAssertionsSigned
                ? 'The service provider asks for signed assertions (WantAssertionsSigned).'
                : undefined
            }
          />
          <CheckboxField
            label="Sign the response"
            name="signResponse"
            checked={values.signResponse}
            onChange={(event) => set('signResponse', event.target.checked)}
            error={errors.signResponse}
            help={SAML_FIELD_HELP.signResponse}
            warning={!values.signResponse ? 'Some service providers reject responses without a signed envelope.' : undefined}
          />
        </div>
        <SelectField
          className="field-narrow"
          label="Signature algorithm"
          name="signatureAlgorithm"
          value={values.signatureAlgorithm}
          onChange={(event) => set('signatureAlgorithm', event.target.value as SamlSignatureAlgorithm)}
          options={SIGNATURE_ALGORITHMS}
          error={errors.signatureAlgorithm}
          help={SAML_FIELD_HELP.signatureAlgorithm}
          warning={
            values.signatureAlgorithm === 'RSA_SHA1'
              ? 'RSA-SHA1 is deprecated and weak against collision attacks; use RSA-SHA256 unless this service provider cannot verify it.'
              : undefined
          }
        />
        <div className="form-grid">
          <TextField
            {...attribute}
            className="field-mono"
            label="AuthnContextClassRef after MFA"
            name="authnContextMfa"
            placeholder="https://refeds.org/profile/mfa"
            value={values.authnContextMfa}
            onChange={(event) => set('authnContextMfa', event.target.value)}
            error={errors.authnContextMfa}
            help={SAML_FIELD_HELP.authnContextMfa}
          />
          <TextField
            {...attribute}
            className="field-mono"
            label="AuthnContextClassRef after password only"
            name="authnContextPasswordOnly"
            placeholder="urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
            value={values.authnContextPasswordOnly}
            onChange={(event) => set('authnContextPasswordOnly', event.target.value)}
            error={errors.authnContextPasswordOnly}
            help={SAML_FIELD_HELP.authnContextPasswordOnly}
          />
        </div>
        <p className="field-hint">Leave both empty for the defaults; when you set one, set the other too.</p>
      </fieldset>
    </>
  );
}
