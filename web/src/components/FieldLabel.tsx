import type { ReactNode } from 'react';
import { FieldHelp } from './FieldHelp';

export interface FieldLabelProps {
  htmlFor: string;
  label: string;
  /** What the field is and where its value comes from, shown as a tip by an info icon. */
  help?: ReactNode;
}

/** The id of a field's help tip, for its `aria-describedby`. */
export const helpIdOf = (fieldId: string) => `${fieldId}-help`;

/** A field's label, with an info icon opening its help tip when there is one. */
export function FieldLabel({ htmlFor, label, help }: FieldLabelProps) {
  return (
    <div className="field-label-row">
      <label htmlFor={htmlFor}>{label}</label>
      {help ? (
        <FieldHelp id={helpIdOf(htmlFor)} label={label}>
          {help}
        </FieldHelp>
      ) : null}
    </div>
  );
}
