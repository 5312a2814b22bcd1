import { useId } from 'react';
import type { SamlConnector, SpMetadataImport } from '../graphql/samlTypes';
import { listError, type SamlFieldsetProps } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { AcsEndpointsField } from './AcsEndpointsField';
import { Alert } from './Alert';
import { CertificateExpiry } from './CertificateExpiry';
import { CheckboxField } from './CheckboxField';
import { FieldHelp } from './FieldHelp';
import { PastedCertificatesField } from './PastedCertificatesField';
import { SpMetadataPanel } from './SpMetadataPanel';
import { TextField } from './TextField';

export interface ServiceProviderFieldsetProps extends SamlFieldsetProps {
  /** The saved connector, for its certificates; absent on a new one. */
  saved?: SamlConnector | undefined;
  onMetadataImported?: (result: SpMetadataImport) => void;
  /** What the last metadata import said, shown above the fields it filled. */
  importWarnings?: string[] | null | undefined;
}

/** A generic connector's service provider: its metadata, entity ID, ACS URLs, certificates and signing flags. */
export function ServiceProviderFieldset({ values, set, errors, mode, saved, onMetadataImported, importWarnings }: ServiceProviderFieldsetProps) {
  const encryptionHelp = useId();
  const fromMetadata = mode === 'new' && values.spMetadataXml.trim() !== '';
  const encryption = saved?.spEncryptionCertificate ?? null;
  return (
    <fieldset className="form-section">
      <legend>Service provider</legend>
      <p className="form-section-intro">The application Countersign signs users in to, as its SAML metadata or settings page describes it.</p>

      {mode === 'new' ? (
        <SpMetadataPanel mode="new" value={values.spMetadataXml} onChange={(xml) => set('spMetadataXml', xml)} error={errors.spMetadataXml} />
      ) : saved && onMetadataImported ? (
        <SpMetadataPanel mode="edit" connectorId={saved.id} onImported={onMetadataImported} />
      ) : null}

      {importWarnings ? (
        <Alert tone={importWarnings.length > 0 ? 'info' : 'success'} title={importWarnings.length > 0 ? 'Metadata imported — check these points' : 'Metadata imported'}>
          {importWarnings.length > 0 ? (
            <ul className="plain-list">
              {importWarnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : (
            'The fields below now hold what the service provider’s metadata says.'
          )}
        </Alert>
      ) : null}

      {fromMetadata ? (
        <p className="metadata-note">
          The entity ID, ACS URLs, certificates and signing flags will be read from this metadata when you create the
          connector; you can change them afterwards.
        </p>
      ) : (
        <>
          <TextField
            className="field-mono"
            label="Service provider entity ID"
            name="spEntityId"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder="https://app.example.com/saml/metadata"
            value={values.spEntityId}
            onChange={(event) => set('spEntityId', event.target.value)}
            error={errors.spEntityId}
            help={SAML_FIELD_HELP.spEntityId}
          />
          <AcsEndpointsField rows={values.acs} onChange={(rows) => set('acs', rows)} errors={errors} />
          <PastedCertificatesField
            label="Service provider signing certificates"
            name="spSigningCertificates"
            value={values.spSigningCertificates}
            onChange={(value) => set('spSigningCertificates', value)}
            saved={saved?.spSigningCertificates ?? []}
            help={SAML_FIELD_HELP.spSigningCertificates}
            hint="Needed only when its requests must be signed. Paste each as PEM, or one line of base64 per certificate."
            error={listError(errors, 'spSigningCertificates')}
          />
          {encryption ? (
            <div className="field">
              <div className="field-label-row">
                <span className="field-label">Service provider encryption certificate</span>
                <FieldHelp id={encryptionHelp} label="Service provider encryption certificate">
                  {SAML_FIELD_HELP.spEncryptionCertificate}
                </FieldHelp>
              </div>
              <p className="field-hint">
                <code className="fingerprint">{encryption.fingerprintSha256 ?? 'Unreadable certificate'}</code>{' '}
                <CertificateExpiry certificate={encryption} />
              </p>
            </div>
          ) : null}
          <div className="form-grid">
            <CheckboxField
              label="It wants signed assertions"
              name="spWantAssertionsSigned"
              checked={values.spWantAssertionsSigned}
              onChange={(event) => set('spWantAssertionsSigned', event.target.checked)}
              error={errors.spWantAssertionsSigned}
              help={SAML_FIELD_HELP.spWantAssertionsSigned}
            />
            <CheckboxField
              label="It signs its requests"
              name="spAuthnRequestsSigned"
              checked={values.spAuthnRequestsSigned}
              onChange={(event) => set('spAuthnRequestsSigned', event.target.checked)}
              error={errors.spAuthnRequestsSigned}
              help={SAML_FIELD_HELP.spAuthnRequestsSigned}
            />
          </div>
          <CheckboxField
            label="Require signed sign-in requests"
            name="requireSignedAuthnRequests"
            checked={values.requireSignedAuthnRequests}
            onChange={(event) => set('requireSignedAuthnRequests', event.target.checked)}
            error={errors.requireSignedAuthnRequests}
            help={SAML_FIELD_HELP.requireSignedAuthnRequests}
            hint="Unsigned requests are then refused; it needs the service provider’s signing certificate above."
          />
        </>
      )}
    </fieldset>
  );
}
