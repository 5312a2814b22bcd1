import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldLabel, helpIdOf } from './FieldLabel';

export interface TextFieldProps extends ComponentProps<'input'> {
  label: string;
  /** Help shown under the input (announced with it). */
  hint?: ReactNode;
  /** What the field is and where to find its value: a tip by an info icon beside the label. */
  help?: ReactNode;
  /** Validation message; marks the input invalid. */
  error?: string | undefined;
}

/** A labelled input with optional help tip, hint and error, wired up with `aria-describedby`. */
export function TextField({ label, hint, help, error, id, className, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [help ? helpIdOf(inputId) : '', hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={inputId} label={label} help={help} />
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
