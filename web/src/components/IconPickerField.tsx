import { useId, useState } from 'react';
import { emojiIcon, emojiOfIcon, isBuiltInIcon, SERVICE_ICONS, type ServiceIconName } from '../internal/serviceIcons';
import { FieldHelp } from './FieldHelp';
import { ServiceIcon } from './ServiceIcon';

export interface IconPickerFieldProps {
  /** The icon as the API keeps it: a built-in name, an https:// URL or a data:image URL; empty for none. */
  value: string;
  onChange: (icon: string) => void;
  help: string;
  error?: string | undefined;
}

/** What the custom box shows for an icon: its emoji, its URL, or nothing for a built-in one. */
function customText(icon: string): string {
  if (!icon || isBuiltInIcon(icon)) return '';
  return emojiOfIcon(icon) ?? (icon.startsWith('data:') ? '(uploaded image)' : icon);
}

/** Turns what the admin typed into an icon: an https:// or data: URL as it is, anything else as an emoji. */
function iconOfText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  if (/^(https?:|data:)/i.test(trimmed)) return trimmed;
  return emojiIcon(trimmed);
}

/** Pick one of the built-in icons, or type an emoji or an image URL. */
export function IconPickerField({ value, onChange, help, error }: IconPickerFieldProps) {
  const id = useId();
  const [custom, setCustom] = useState(() => customText(value));
  const builtIn = isBuiltInIcon(value) ? value : null;
  const describedBy = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="field icon-picker" aria-describedby={describedBy}>
      <legend>
        Icon
        <FieldHelp id={`${id}-help`} label="Icon">
          {help}
        </FieldHelp>
      </legend>
      <div className="icon-choices">
        {(Object.keys(SERVICE_ICONS) as ServiceIconName[]).map((name) => (
          <label key={name} className="icon-choice" title={SERVICE_ICONS[name].label}>
            <input
              type="radio"
              name={`${id}-icon`}
              value={name}
              checked={builtIn === name}
              onChange={() => {
                setCustom('');
                onChange(name);
              }}
            />
            <ServiceIcon icon={name} size={36} />
            <span className="visually-hidden">{SERVICE_ICONS[name].label}</span>
          </label>
        ))}
      </div>
      <div className="icon-custom">
        <label htmlFor={`${id}-custom`}>…or an emoji or image URL</label>
        <div className="icon-custom-row">
          <input
            id={`${id}-custom`}
            value={custom}
            placeholder="An emoji, or https://example.com/logo.png"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setCustom(event.target.value);
              onChange(iconOfText(event.target.value));
            }}
          />
          {value && !builtIn ? <ServiceIcon icon={value} size={36} /> : null}
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
