import { Link } from 'react-router';
import { Icon } from './Icon';
import { SelectField } from './SelectField';

export interface ConnectorPickerFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (id: string) => void;
  options: { value: string; label: string }[];
  /** Where a connector is edited, e.g. `/directories`; `<base>/<id>` opens one, `<base>/new` adds one. */
  basePath: string;
  /** "directory connector" / "SAML connector", for the links' words. */
  noun: string;
  help: string;
  hint?: string | undefined;
  error?: string | undefined;
  loading?: boolean;
}

/** A drop-down of connectors with a pencil link to the chosen one's page, or a link to add one. */
export function ConnectorPickerField({ label, name, value, onChange, options, basePath, noun, help, hint, error, loading }: ConnectorPickerFieldProps) {
  const chosen = options.find((option) => option.value === value);
  // The service may point at a connector deleted since; say so rather than show "none".
  const missing = value !== '' && !chosen && !loading ? [{ value, label: `A deleted ${noun}` }] : [];
  return (
    <div className="connector-picker">
      <SelectField
        label={label}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={[{ value: '', label: loading ? 'Loading…' : `No ${noun} chosen` }, ...options, ...missing]}
        help={help}
        hint={hint}
        error={error}
      />
      {chosen ? (
        <Link to={`${basePath}/${chosen.value}`} className="icon-button connector-edit" title={`Edit ${chosen.label}`}>
          <Icon name="pencil" />
          <span className="visually-hidden">
            Edit {noun} {chosen.label}
          </span>
        </Link>
      ) : (
        <Link to={`${basePath}/new`} className="icon-button connector-edit" title={`New ${noun}`}>
          <Icon name="plus" />
          <span className="visually-hidden">New {noun}</span>
        </Link>
      )}
    </div>
  );
}
