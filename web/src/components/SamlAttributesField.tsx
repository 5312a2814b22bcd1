import { useId } from 'react';
import { newAttributeRow, type AttributeRow } from '../internal/samlConnectorForm';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { ATTRIBUTE_NAME_FORMATS, DIRECTORY_ATTRIBUTE_SUGGESTIONS } from '../internal/samlLabels';
import type { SamlAttributeNameFormat } from '../graphql/samlTypes';
import { EditableRows } from './EditableRows';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export interface SamlAttributesFieldProps {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  /** Server messages: `attributes` for the list, `attributes.0.name` for a row's field. */
  errors: Record<string, string>;
}

/** The attributes sent in the assertion: each SAML attribute name ← the directory field that fills it. */
export function SamlAttributesField({ rows, onChange, errors }: SamlAttributesFieldProps) {
  const suggestions = useId();
  const rowError = (index: number, part: string) => errors[`attributes.${index}.${part}`];
  const attribute = { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } as const;
  return (
    <>
      <EditableRows
        legend="Attribute mapping"
        className="attribute-list"
        help={SAML_FIELD_HELP.attributes}
        hint="Each row sends one SAML attribute, filled from the user’s directory entry. Use the names the service provider’s documentation asks for."
        rows={rows}
        onChange={onChange}
        newRow={() => newAttributeRow()}
        addLabel="Add an attribute"
        rowName={(row, index) => (row.name ? `attribute ${row.name}` : `attribute ${index + 1}`)}
        error={errors.attributes}
        renderRow={(row, index, update) => (
          <>
            <TextField
              {...attribute}
              className="attribute-name field-mono"
              label="SAML attribute name"
              name={`attributes.${index}.name`}
              placeholder="email"
              value={row.name}
              onChange={(event) => update({ name: event.target.value })}
              error={rowError(index, 'name')}
              help={SAML_FIELD_HELP.attributeName}
            />
            <span className="attribute-arrow" aria-hidden="true">
              ←
            </span>
            <TextField
              {...attribute}
              className="attribute-source field-mono"
              label="Directory field"
              name={`attributes.${index}.profileField`}
              list={suggestions}
              placeholder="mail"
              value={row.profileField}
              onChange={(event) => update({ profileField: event.target.value })}
              error={rowError(index, 'profileField')}
              help={SAML_FIELD_HELP.attributeProfileField}
            />
            <SelectField
              className="attribute-format"
              label="Name format"
              name={`attributes.${index}.nameFormat`}
              value={row.nameFormat}
              onChange={(event) => update({ nameFormat: event.target.value as '' | SamlAttributeNameFormat })}
              options={ATTRIBUTE_NAME_FORMATS}
              error={rowError(index, 'nameFormat')}
              help={SAML_FIELD_HELP.attributeNameFormat}
            />
            <TextField
              className="attribute-friendly"
              label="Friendly name"
              name={`attributes.${index}.friendlyName`}
              autoComplete="off"
              value={row.friendlyName}
              onChange={(event) => update({ friendlyName: event.target.value })}
              error={rowError(index, 'friendlyName')}
              help={SAML_FIELD_HELP.attributeFriendlyName}
            />
          </>
        )}
      />
      <datalist id={suggestions}>
        {DIRECTORY_ATTRIBUTE_SUGGESTIONS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
