import { useId, type ComponentProps, type ReactNode } from 'react';

export interface TextAreaFieldProps extends ComponentProps<'textarea'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line text box with optional hint and error, wired up with `aria-describedby`. */
export function TextAreaField({ label, hint, error, id, className, ...textarea }: TextAreaFieldProps) {
  const autoId = useId();
  const areaId = id ?? autoId;
  const describedBy = [hint ? `${areaId}-hint` : '', error ? `${areaId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={areaId}>{label}</label>
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
