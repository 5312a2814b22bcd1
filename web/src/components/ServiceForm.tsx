import { NotSavedAlert } from './NotSavedAlert';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CheckServiceInputQuery } from '../graphql/CheckServiceInputQuery';
import { DirectoryConnectorsQuery } from '../graphql/DirectoryConnectorsQuery';
import { SamlConnectorsQuery } from '../graphql/SamlConnectorsQuery';
import type { SecondFactorPolicy } from '../graphql/serviceTypes';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import type { SaveProblem } from '../internal/saveProblem';
import { SERVICE_FIELD_HELP } from '../internal/serviceFieldHelp';
import { useServerCheck } from '../hooks/useServerCheck';
import { serviceInputFrom, type ServiceFormValues } from '../internal/serviceForm';
import { samlKindLabel } from '../internal/samlLabels';
import { directoryTypeLabel } from '../internal/directoryLabels';
import { ConnectorPickerField } from './ConnectorPickerField';
import { IconPickerField } from './IconPickerField';
import { SelectField } from './SelectField';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

export interface ServiceFormProps {
  initial: ServiceFormValues;
  mode: 'new' | 'edit';
  /** The service being edited, so the live check judges the settings as an update of it. */
  serviceId?: string;
  onSave: (values: ServiceFormValues) => Promise<SaveProblem | null>;
  onDirtyChange?: (dirty: boolean) => void;
}

const KNOWN_FIELDS = new Set(['icon', 'name', 'description', 'directoryConnectorId', 'samlConnectorId', 'secondFactor']);
const SECOND_FACTOR_OPTIONS: { value: SecondFactorPolicy; label: string }[] = [
  { value: 'REQUIRED', label: 'Required: approval on the device' },
  { value: 'OFF', label: 'Off: password only' },
];
const connectorsContext = { additionalTypenames: ['DirectoryConnector', 'SamlConnector'] };

/**
 * A service instance's settings: how it looks, which directory checks passwords, which SAML
 * connector answers the application, and whether the second factor is asked. The server's
 * messages show under the fields as the admin types, and again when saving fails.
 */
export function ServiceForm({ initial, mode, serviceId, onSave, onDirtyChange }: ServiceFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [errorRound, setErrorRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const live = useServerCheck(CheckServiceInputQuery, { id: serviceId ?? null, input: serviceInputFrom(values) });
  const shown = { ...live.errors, ...errors };
  const [directories] = useQuery({ query: DirectoryConnectorsQuery, requestPolicy: 'cache-and-network', context: connectorsContext });
  const [samlConnectors] = useQuery({ query: SamlConnectorsQuery, requestPolicy: 'cache-and-network', context: connectorsContext });

  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (errorRound > 0) focusFirstInvalid(formRef.current);
  }, [errorRound]);

  const set = <K extends keyof ServiceFormValues>(field: K, value: ServiceFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setSaving(true);
    const failed = await onSave(values);
    setSaving(false);
    setErrors(failed?.fields ?? {});
    setProblem(failed?.message ?? null);
    if (failed) setErrorRound((n) => n + 1);
  }

  const fieldCount = Object.keys(errors).filter((field) => KNOWN_FIELDS.has(field)).length;
  const elsewhere = Object.entries(errors).filter(([field]) => !KNOWN_FIELDS.has(field));
  const withKind = (name: string, kind: string) => (name === kind ? name : `${name} (${kind})`);
  const directoryOptions = (directories.data?.directoryConnectors ?? []).map((c) => ({ value: c.id, label: withKind(c.name, directoryTypeLabel(c.type)) }));
  const samlOptions = (samlConnectors.data?.samlConnectors ?? []).map((c) => ({ value: c.id, label: withKind(c.name, samlKindLabel(c.kind)) }));

  return (
    <form ref={formRef} className="form connector-form service-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-label="Service settings">
      <ServerCheckAnnouncer text={live.announcement} />
      <NotSavedAlert title="The service was not saved" problem={problem} fieldCount={fieldCount} elsewhere={elsewhere} />

      <fieldset className="form-section">
        <legend>Application</legend>
        <IconPickerField value={values.icon} onChange={(icon) => set('icon', icon)} help={SERVICE_FIELD_HELP.icon} error={shown.icon} />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          placeholder="Office 365"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={shown.name}
          help={SERVICE_FIELD_HELP.name}
        />
        <TextAreaField
          label="Description (optional)"
          name="description"
          rows={2}
          maxLength={500}
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
          error={shown.description}
          help={SERVICE_FIELD_HELP.description}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Sign-in</legend>
        <div className="form-grid">
          <ConnectorPickerField
            label="Directory connector"
            name="directoryConnectorId"
            value={values.directoryConnectorId}
            onChange={(id) => set('directoryConnectorId', id)}
            options={directoryOptions}
            basePath="/directories"
            noun="directory connector"
            loading={!directories.data && directories.fetching}
            help={SERVICE_FIELD_HELP.directoryConnectorId}
            error={shown.directoryConnectorId}
          />
          <ConnectorPickerField
            label="SAML connector"
            name="samlConnectorId"
            value={values.samlConnectorId}
            onChange={(id) => set('samlConnectorId', id)}
            options={samlOptions}
            basePath="/connectors/saml"
            noun="SAML connector"
            loading={!samlConnectors.data && samlConnectors.fetching}
            help={SERVICE_FIELD_HELP.samlConnectorId}
            error={shown.samlConnectorId}
          />
        </div>
        <SelectField
          className="field-narrow"
          label="Second factor"
          name="secondFactor"
          value={values.secondFactor}
          onChange={(event) => set('secondFactor', event.target.value as SecondFactorPolicy)}
          options={SECOND_FACTOR_OPTIONS}
          error={shown.secondFactor}
          help={SERVICE_FIELD_HELP.secondFactor}
          warning={
            values.secondFactor === 'OFF'
              ? (
                  <span>
                    <strong>Password only.</strong> Sign-ins to this service will be password only: no approval on the user’s device is
                    asked, so anyone who learns a password can sign in.
                  </span>
                )
              : undefined
          }
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : mode === 'new' ? 'Create service' : 'Save changes'}
        </button>
        <Link to="/services" className="button button-secondary">
          {mode === 'new' ? 'Cancel' : 'Back to services'}
        </Link>
        {mode === 'edit' && dirty ? <span className="muted">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}
