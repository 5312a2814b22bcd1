import { newAcsRow, type AcsRow } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { BINDING_OPTIONS, SAML_BINDINGS } from '../internal/samlLabels';
import { CheckboxField } from './CheckboxField';
import { EditableRows } from './EditableRows';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export interface AcsEndpointsFieldProps {
  rows: AcsRow[];
  onChange: (rows: AcsRow[]) => void;
  /** Server messages: `spAssertionConsumerServices` for the list, `spAssertionConsumerServices.0.url` for a row's field. */
  errors: Record<string, string>;
}

const FIELD = 'spAssertionConsumerServices';

/** The service provider's AssertionConsumerService URLs, each with its binding, index and default flag. */
export function AcsEndpointsField({ rows, onChange, errors }: AcsEndpointsFieldProps) {
  const rowError = (index: number, part: string) => errors[`${FIELD}.${index}.${part}`] ?? (part === 'url' ? errors[`${FIELD}.${index}`] : undefined);
  return (
    <EditableRows
      legend="Assertion consumer service (ACS) URLs"
      className="acs-list"
      help={SAML_FIELD_HELP.spAssertionConsumerServices}
      hint="Countersign posts the signed response to the URL the request names, else to the default one. At least one must use HTTP-POST."
      rows={rows}
      onChange={onChange}
      newRow={() => newAcsRow()}
      addLabel="Add an ACS URL"
      minRows={1}
      rowName={(row, index) => (row.url ? `ACS URL ${row.url}` : `ACS URL ${index + 1}`)}
      error={errors[FIELD]}
      renderRow={(row, index, update) => (
        <>
          <TextField
            className="acs-url field-mono"
            label={rows.length > 1 ? `URL ${index + 1}` : 'URL'}
            name={`${FIELD}.${index}.url`}
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://app.example.com/saml/acs"
            value={row.url}
            onChange={(event) => update({ url: event.target.value })}
            error={rowError(index, 'url')}
            help={SAML_FIELD_HELP.acsUrl}
          />
          <SelectField
            className="acs-binding"
            label="Binding"
            name={`${FIELD}.${index}.binding`}
            value={row.binding}
            onChange={(event) => update({ binding: event.target.value })}
            options={
              BINDING_OPTIONS.some((option) => option.value === row.binding)
                ? BINDING_OPTIONS
                : [...BINDING_OPTIONS, { value: row.binding, label: row.binding }]
            }
            error={rowError(index, 'binding')}
            help={SAML_FIELD_HELP.acsBinding}
            warning={row.binding !== SAML_BINDINGS.post ? 'Countersign answers only by HTTP-POST; this URL is kept but not used.' : undefined}
          />
          <TextField
            className="acs-index"
            label="Index"
            name={`${FIELD}.${index}.index`}
            inputMode="numeric"
            autoComplete="off"
            value={row.index}
            onChange={(event) => update({ index: event.target.value })}
            error={rowError(index, 'index')}
            help={SAML_FIELD_HELP.acsIndex}
          />
          <CheckboxField
            className="acs-default"
            label="Default"
            name={`${FIELD}.${index}.isDefault`}
            checked={row.isDefault}
            onChange={(event) => update({ isDefault: event.target.checked })}
            error={rowError(index, 'isDefault')}
            help={SAML_FIELD_HELP.acsIsDefault}
          />
        </>
      )}
    />
  );
}
