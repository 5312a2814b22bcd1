import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldLabel, helpIdOf } from './FieldLabel';

export interface SelectFieldProps extends ComponentProps<'select'> {
  label: string;
  options: { value: string; label: string; disabled?: boolean }[];
  hint?: ReactNode;
  /** What the field is and where to find its value: a tip by an info icon beside the label. */
  help?: ReactNode;
  /** A caution about the chosen value (shown, and announced with the field). */
  warning?: ReactNode;
  error?: string | undefined;
}

/** A labelled drop-down with optional help tip, hint, warning and error, wired up with `aria-describedby`. */
export function SelectField({ label, options, hint, help, warning, error, id, className, ...select }: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const describedBy = [help ? helpIdOf(selectId) : '', hint ? `${selectId}-hint` : '', warning ? `${selectId}-warning` : '', error ? `${selectId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={selectId} label={label} help={help} />
      <select id={selectId} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${selectId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${selectId}-warning`} className="field-warning">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p id={`${selectId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
