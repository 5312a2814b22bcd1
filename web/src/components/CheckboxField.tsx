import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldHelp } from './FieldHelp';
import { helpIdOf } from './FieldLabel';

export interface CheckboxFieldProps extends Omit<ComponentProps<'input'>, 'type'> {
  label: string;
  hint?: ReactNode;
  /** What the setting is and when to turn it on: a tip by an info icon beside the label. */
  help?: ReactNode;
  /** A caution about the current state, e.g. when a safety check is off. */
  warning?: ReactNode;
  error?: string | undefined;
}

/** A checkbox with its label (and optional help tip) beside it, and optional hint, warning and error under it. */
export function CheckboxField({ label, hint, help, warning, error, id, className, ...input }: CheckboxFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = [help ? helpIdOf(inputId) : '', hint ? `${inputId}-hint` : '', warning ? `${inputId}-warning` : '', error ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', 'field-checkbox', className].filter(Boolean).join(' ')}>
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        <label htmlFor={inputId}>{label}</label>
        {help ? (
          <FieldHelp id={helpIdOf(inputId)} label={label}>
            {help}
          </FieldHelp>
        ) : null}
      </div>
      {hint ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${inputId}-warning`} className="field-warning">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
