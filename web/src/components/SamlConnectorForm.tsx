import { NotSavedAlert } from './NotSavedAlert';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CheckSamlConnectorInputQuery } from '../graphql/CheckSamlConnectorInputQuery';
import type { SamlConnector, SamlConnectorKind, SpMetadataImport } from '../graphql/samlTypes';
import { useServerCheck } from '../hooks/useServerCheck';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import type { SaveProblem } from '../internal/saveProblem';
import { formSnapshot, samlConnectorFormProblems, samlConnectorInputFrom, type SamlConnectorFormValues } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { SAML_KINDS } from '../internal/samlLabels';
import { AssertionFieldset } from './AssertionFieldset';
import { Office365Fieldset } from './Office365Fieldset';
import { SelectField } from './SelectField';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { ServiceProviderFieldset } from './ServiceProviderFieldset';
import { TextField } from './TextField';

export interface SamlConnectorFormProps {
  initial: SamlConnectorFormValues;
  mode: 'new' | 'edit';
  /** The saved connector (edit only), for the certificates it holds. */
  saved?: SamlConnector | undefined;
  onSave: (values: SamlConnectorFormValues) => Promise<SaveProblem | null>;
  onDirtyChange?: (dirty: boolean) => void;
  onMetadataImported?: (result: SpMetadataImport) => void;
  importWarnings?: string[] | null | undefined;
}

/** Server field names whose message a field of the form shows, by the form value that holds them. */
const ERROR_KEYS: Partial<Record<keyof SamlConnectorFormValues, string>> = { acs: 'spAssertionConsumerServices' };
const OFFICE_365_FIELDS = ['federatedDomain', 'brandName', 'issuerUri', 'immutableIdAttribute', 'immutableIdEncoding', 'upnAttribute', 'mfaBehavior', 'requireSignedAuthnRequests', 'microsoftSigningCertificates'];
const SP_FIELDS = ['spEntityId', 'spAssertionConsumerServices', 'spSigningCertificates', 'spWantAssertionsSigned', 'spAuthnRequestsSigned', 'requireSignedAuthnRequests'];
const ASSERTION_FIELDS = ['idpEntityId', 'nameIdFormat', 'nameIdSourceAttribute', 'attributes', 'signAssertion', 'signResponse', 'signatureAlgorithm', 'authnContextMfa', 'authnContextPasswordOnly'];

/**
 * Every setting of a SAML connector: name and kind, then the Office 365 domain or a generic
 * service provider and its assertion. The server judges the settings; its message for each
 * field shows under that field (or row), and focus moves to the first. The same messages
 * appear as the admin types, from the server's check.
 */
export function SamlConnectorForm({ initial, mode, saved, onSave, onDirtyChange, onMetadataImported, importWarnings }: SamlConnectorFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [errorRound, setErrorRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // What the browser refuses itself (e.g. an ACS URL index that is not a number) it explains; the server judges the rest.
  const live = useServerCheck(
    CheckSamlConnectorInputQuery,
    Object.keys(samlConnectorFormProblems(values)).length === 0 ? { id: mode === 'edit' ? (saved?.id ?? null) : null, input: samlConnectorInputFrom(values, mode) } : null,
  );
  const fieldErrors = { ...live.errors, ...errors };

  const dirty = formSnapshot(values) !== formSnapshot(initial);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (errorRound > 0) focusFirstInvalid(formRef.current);
  }, [errorRound]);

  const set = <K extends keyof SamlConnectorFormValues>(field: K, value: SamlConnectorFormValues[K]) => {
    const errorKey = ERROR_KEYS[field] ?? field;
    setValues((current) => ({ ...current, [field]: value }));
    live.touch(errorKey);
    setErrors((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([key]) => key !== errorKey && !key.startsWith(`${errorKey}.`)));
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    const local = samlConnectorFormProblems(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setProblem(null);
      setErrorRound((n) => n + 1);
      return;
    }
    setSaving(true);
    const failed = await onSave(values);
    setSaving(false);
    setErrors(failed?.fields ?? {});
    setProblem(failed?.message ?? null);
    if (failed) setErrorRound((n) => n + 1);
  }

  const office365 = values.kind === 'OFFICE_365';
  const fromMetadata = mode === 'new' && !office365 && values.spMetadataXml.trim() !== '';
  const shown = new Set(['name', 'kind', ...(office365 ? OFFICE_365_FIELDS : [...(fromMetadata ? ['spMetadataXml'] : SP_FIELDS), ...ASSERTION_FIELDS])]);
  const isShown = (field: string) => shown.has(field.split('.')[0]!);
  const fieldCount = Object.keys(errors).filter(isShown).length;
  const elsewhere = Object.entries(errors).filter(([field]) => !isShown(field));
  const kindOptions = SAML_KINDS.map((option) => ({ ...option, disabled: mode === 'edit' && option.value !== initial.kind }));
  const fieldsetProps = { values, set, errors: fieldErrors, mode };

  return (
    <form ref={formRef} className="form connector-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-label="SAML connector settings">
      <ServerCheckAnnouncer text={live.announcement} />
      <NotSavedAlert title="The connector was not saved" problem={problem} fieldCount={fieldCount} elsewhere={elsewhere} />

      <fieldset className="form-section">
        <legend>General</legend>
        <div className="form-grid">
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            placeholder={office365 ? 'Office 365 – contoso.com' : 'Payroll app'}
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            error={fieldErrors.name}
            help={SAML_FIELD_HELP.name}
          />
          <SelectField
            label="Kind"
            name="kind"
            value={values.kind}
            onChange={(event) => set('kind', event.target.value as SamlConnectorKind)}
            options={kindOptions}
            error={fieldErrors.kind}
            help={SAML_FIELD_HELP.kind}
            hint={mode === 'edit' ? 'To change the kind, create a new connector.' : undefined}
          />
        </div>
      </fieldset>

      {office365 ? (
        <Office365Fieldset {...fieldsetProps} savedMicrosoftCertificates={saved?.microsoftSigningCertificates ?? []} />
      ) : (
        <>
          <ServiceProviderFieldset {...fieldsetProps} saved={saved} onMetadataImported={onMetadataImported} importWarnings={importWarnings} />
          <AssertionFieldset {...fieldsetProps} spNameIdFormats={saved?.spNameIdFormats ?? []} />
        </>
      )}

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : mode === 'new' ? 'Create connector' : 'Save changes'}
        </button>
        <Link to="/connectors/saml" className="button button-secondary">
          {mode === 'new' ? 'Cancel' : 'Back to SAML connectors'}
        </Link>
        {mode === 'edit' && dirty ? <span className="muted">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}
