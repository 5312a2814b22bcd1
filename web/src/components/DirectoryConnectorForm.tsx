import { NotSavedAlert } from './NotSavedAlert';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { CheckDirectoryConnectorInputQuery } from '../graphql/CheckDirectoryConnectorInputQuery';
import { DirectoryTypeDefaultsQuery } from '../graphql/DirectoryTypeDefaultsQuery';
import type { DirectoryType, DirectoryTypeDefaults } from '../graphql/directoryTypes';
import { useServerCheck } from '../hooks/useServerCheck';
import { connectorFormProblems, connectorInputFrom, withTypeDefaults, type ConnectorFormValues } from '../internal/connectorForm';
import { DIRECTORY_TYPES } from '../internal/directoryLabels';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import type { SaveProblem } from '../internal/saveProblem';
import { AttributeMappingFieldset } from './AttributeMappingFieldset';
import { ConnectionFieldset } from './ConnectionFieldset';
import { SelectField } from './SelectField';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { ServiceAccountFieldset } from './ServiceAccountFieldset';
import { TextField } from './TextField';

export interface DirectoryConnectorFormProps {
  initial: ConnectorFormValues;
  /** `new` prefills the attribute mapping when the type changes; `edit` keeps what is saved. */
  mode: 'new' | 'edit';
  /** The connector being edited, so the live check judges the settings as an update of it. */
  connectorId?: string;
  passwordStored?: boolean;
  onSave: (values: ConnectorFormValues) => Promise<SaveProblem | null>;
  /** Told whether the form differs from what is saved. */
  onDirtyChange?: (dirty: boolean) => void;
}

const KNOWN_FIELDS = new Set<string>([
  'name', 'type', 'hosts', 'port', 'security', 'caCertificatePem', 'verifyCertificate', 'baseDn', 'bindDn', 'bindPassword',
  'loginProperty', 'emailProperty', 'displayNameProperty', 'phoneProperty', 'upnProperty', 'immutableIdProperty',
  'userObjectClass', 'userFilter', 'connectTimeoutMs', 'operationTimeoutMs',
]);
const isShownByAField = (field: string) => KNOWN_FIELDS.has(field) || /^hosts\.\d+$/.test(field);

/**
 * Every setting of a directory connector, in four sections (general, connection, search,
 * attribute mapping); the LDAP sections are hidden for the built-in directory. The server
 * judges the settings: its message for each field is shown under that field, and focus moves
 * to the first one. The same messages appear as the admin types, from the server's check.
 */
export function DirectoryConnectorForm({ initial, mode, connectorId, passwordStored = false, onSave, onDirtyChange }: DirectoryConnectorFormProps) {
  const client = useClient();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [errorRound, setErrorRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const typeDefaults = useRef<DirectoryTypeDefaults | null>(null);
  // Number boxes the browser refuses are its to explain; the server is asked about the rest.
  const live = useServerCheck(
    CheckDirectoryConnectorInputQuery,
    Object.keys(connectorFormProblems(values)).length === 0 ? { id: connectorId ?? null, input: connectorInputFrom(values) } : null,
  );
  const shown = { ...live.errors, ...errors };

  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (errorRound > 0) focusFirstInvalid(formRef.current);
  }, [errorRound]);

  const set = <K extends keyof ConnectorFormValues>(field: K, value: ConnectorFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    live.touch(field);
    setErrors((current) => {
      const next = Object.fromEntries(
        Object.entries(current).filter(([key]) => key !== field && !(field === 'hosts' && key.startsWith('hosts.'))),
      );
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  };

  const applyTypeDefaults = async (type: DirectoryType) => {
    if (type === 'BUILT_IN') return;
    const result = await client.query(DirectoryTypeDefaultsQuery, { type }).toPromise();
    const defaults = result.data?.directoryTypeDefaults;
    if (!defaults) return;
    const previous = typeDefaults.current;
    typeDefaults.current = defaults;
    setValues((current) => (current.type === type ? withTypeDefaults(current, defaults, previous) : current));
  };

  // A new connector starts with the mapping of its first type.
  useEffect(() => {
    if (mode === 'new') void applyTypeDefaults(initial.type);
  }, []);

  const onTypeChange = (type: DirectoryType) => {
    set('type', type);
    if (type === 'AZURE_AD_DS') set('security', 'LDAPS');
    if (mode === 'new') void applyTypeDefaults(type);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    const local = connectorFormProblems(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setProblem(null);
      setErrorRound((n) => n + 1);
      return;
    }
    setSaving(true);
    const failed = await onSave(values);
    setSaving(false);
    if (!failed) {
      setErrors({});
      setProblem(null);
      return;
    }
    setErrors(failed.fields);
    setProblem(failed.message);
    setErrorRound((n) => n + 1);
  }

  const fieldCount = Object.keys(errors).filter(isShownByAField).length;
  const elsewhere = Object.entries(errors).filter(([field]) => !isShownByAField(field));
  const builtIn = values.type === 'BUILT_IN';
  const typeOptions = DIRECTORY_TYPES.map((option) => ({
    ...option,
    // A built-in directory holds its users; it cannot turn into an LDAP connector, nor the other way round.
    disabled: mode === 'edit' && (option.value === 'BUILT_IN') !== (initial.type === 'BUILT_IN'),
  }));

  return (
    <form ref={formRef} className="form connector-form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-label="Directory connector settings">
      <ServerCheckAnnouncer text={live.announcement} />
      <NotSavedAlert title="The connector was not saved" problem={problem} fieldCount={fieldCount} elsewhere={elsewhere} />

      <fieldset className="form-section">
        <legend>General</legend>
        <div className="form-grid">
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            placeholder="Head office Active Directory"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            error={shown.name}
            hint="Shown to admins here, when choosing a directory for a service, and in the audit log."
          />
          <SelectField
            label="Directory type"
            name="type"
            value={values.type}
            onChange={(event) => onTypeChange(event.target.value as DirectoryType)}
            options={typeOptions}
            error={shown.type}
            hint={
              builtIn
                ? mode === 'new'
                  ? 'Users and passwords are kept by Countersign itself; add them once the connector is created.'
                  : 'Users and passwords are kept by Countersign itself; manage them under Users below.'
                : mode === 'new'
                  ? 'Sets the usual security and attribute mapping of that kind of directory; you can change each below.'
                  : 'The kind of LDAP server. To switch to or from the built-in directory, create a new connector.'
            }
          />
        </div>
      </fieldset>

      {builtIn ? null : (
        <>
          <ConnectionFieldset values={values} set={set} errors={shown} />
          <ServiceAccountFieldset values={values} set={set} errors={shown} passwordStored={passwordStored} />
          <AttributeMappingFieldset values={values} set={set} errors={shown} />
        </>
      )}

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : mode === 'new' ? 'Create connector' : 'Save changes'}
        </button>
        <Link to="/directories" className="button button-secondary">
          {mode === 'new' ? 'Cancel' : 'Back to directories'}
        </Link>
        {mode === 'edit' && dirty ? <span className="muted">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}
