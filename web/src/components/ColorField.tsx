import { useId, type ReactNode } from 'react';
import { isHexColor } from '../internal/colorContrast';

export interface ColorFieldProps {
  label: string;
  name: string;
  /** `#rrggbb`, or what the admin is typing. */
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  warning?: ReactNode;
  error?: string | undefined;
}

/** A colour as `#rrggbb`: a swatch that opens the system colour picker, and the hex code to type or paste. */
export function ColorField({ label, name, value, onChange, hint, warning, error }: ColorFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', warning ? `${id}-warning` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field color-field">
      <label htmlFor={id}>{label}</label>
      <div className="color-field-row">
        <input
          type="color"
          className="color-swatch"
          aria-label={`${label}: colour picker`}
          value={isHexColor(value) ? value.toLowerCase() : '#000000'}
          onChange={(event) => onChange(event.target.value)}
        />
        <input
          id={id}
          name={name}
          className="color-hex"
          value={value}
          maxLength={7}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warning`} className="field-warning">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
