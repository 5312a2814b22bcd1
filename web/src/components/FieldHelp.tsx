import { useState, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface FieldHelpProps {
  /** Id of the tip; the field lists it in its `aria-describedby` so the tip is read with the field. */
  id: string;
  /** The field's label, for the button's accessible name ("About Issuer URI"). */
  label: string;
  children: ReactNode;
}

/**
 * An info icon beside a field's label whose tip says what the field is and where to find its
 * value. The tip opens on hover and on focus, stays open when clicked or tapped, and closes on
 * Escape, on a second click, or when focus leaves. It is always in the page (hidden when
 * closed) so screen readers read it with the field.
 */
export function FieldHelp({ id, label, children }: FieldHelpProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = !dismissed && (pinned || hovered || focused);

  const close = () => {
    setPinned(false);
    setDismissed(true);
  };

  return (
    <span
      className="field-help"
      onMouseEnter={() => {
        setDismissed(false);
        setHovered(true);
      }}
      onMouseLeave={() => setHovered(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          // Escape closes the tip, not the dialog or menu around it.
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        type="button"
        className="field-help-button"
        aria-label={`About ${label}`}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => {
          setDismissed(false);
          setFocused(true);
        }}
        onBlur={() => {
          setFocused(false);
          setPinned(false);
        }}
        onClick={() => {
          if (pinned && open) close();
          else {
            setDismissed(false);
            setPinned(true);
          }
        }}
      >
        <Icon name="info" />
      </button>
      <span role="tooltip" id={id} className="field-help-tip" hidden={!open}>
        {children}
      </span>
    </span>
  );
}
