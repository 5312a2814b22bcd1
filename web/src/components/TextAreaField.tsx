import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldLabel, helpIdOf } from './FieldLabel';

export interface TextAreaFieldProps extends ComponentProps<'textarea'> {
  label: string;
  hint?: ReactNode;
  /** What the field is and where to find its value: a tip by an info icon beside the label. */
  help?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line text box with optional help tip, hint and error, wired up with `aria-describedby`. */
export function TextAreaField({ label, hint, help, error, id, className, ...textarea }: TextAreaFieldProps) {
  const autoId = useId();
  const areaId = id ?? autoId;
  const describedBy = [help ? helpIdOf(areaId) : '', hint ? `${areaId}-hint` : '', error ? `${areaId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={areaId} label={label} help={help} />
      <textarea id={areaId} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...textarea} />
      {hint ? (
        <p id={`${areaId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${areaId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
