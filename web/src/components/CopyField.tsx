import { useId, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import { FieldHelp } from './FieldHelp';

export interface CopyFieldProps {
  label: string;
  value: string;
  /** What the value is and where it goes: a tip by an info icon. */
  help?: ReactNode;
}

/** A read-only value to hand to someone else (a URL, an ID), with its label and a Copy button. */
export function CopyField({ label, value, help }: CopyFieldProps) {
  const id = useId();
  return (
    <div className="copy-field">
      <div className="copy-field-label">
        <span id={`${id}-label`}>{label}</span>
        {help ? (
          <FieldHelp id={`${id}-help`} label={label}>
            {help}
          </FieldHelp>
        ) : null}
      </div>
      <div className="copy-field-value">
        <code aria-labelledby={`${id}-label`} aria-describedby={help ? `${id}-help` : undefined}>
          {value}
        </code>
        <CopyButton text={value} label="Copy" context={label} />
      </div>
    </div>
  );
}
