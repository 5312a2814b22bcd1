import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FieldHelp } from './FieldHelp';
import { Icon } from './Icon';

export interface EditableRowsProps<Row extends { key: string }> {
  legend: string;
  /** What the list is: a tip by an info icon beside the legend. */
  help?: ReactNode;
  hint?: ReactNode;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  newRow: () => Row;
  addLabel: string;
  /** Names a row for its Remove button and announcements, e.g. "ACS URL 2". */
  rowName: (row: Row, index: number) => string;
  /** The row's own fields; `update` changes some of them. */
  renderRow: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
  /** A message about the whole list. */
  error?: string | undefined;
  /** Rows that cannot be removed below this count (default 0). */
  minRows?: number;
  className?: string;
}

/**
 * A list of rows of fields the admin can add to and remove from, such as a service provider's
 * ACS URLs or the attributes of an assertion. Focus goes to the new row's first field on Add
 * and to the next row on Remove; both are announced.
 */
export function EditableRows<Row extends { key: string }>({
  legend,
  help,
  hint,
  rows,
  onChange,
  newRow,
  addLabel,
  rowName,
  renderRow,
  error,
  minRows = 0,
  className,
}: EditableRowsProps<Row>) {
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const focusKey = useRef<string | null>(null);
  const rowElements = useRef(new Map<string, HTMLLIElement | null>());
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const key = focusKey.current;
    if (key === null) return;
    focusKey.current = null;
    const row = key ? rowElements.current.get(key) : null;
    const target = row?.querySelector<HTMLElement>('input, select, textarea') ?? addButton.current;
    target?.focus();
  });

  const add = () => {
    const row = newRow();
    focusKey.current = row.key;
    onChange([...rows, row]);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    focusKey.current = next[Math.min(index, next.length - 1)]?.key ?? '';
    setAnnouncement(`${rowName(rows[index]!, index)} removed.`);
    onChange(next);
  };

  const describedBy = [help ? `${id}-help` : '', hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={['field', 'row-list', className].filter(Boolean).join(' ')} aria-describedby={describedBy || undefined}>
      <legend>
        {legend}
        {help ? (
          <FieldHelp id={`${id}-help`} label={legend}>
            {help}
          </FieldHelp>
        ) : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ol className="row-list-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="row-list-row" ref={(element) => void rowElements.current.set(row.key, element)}>
              <div className="row-list-fields">{renderRow(row, index, (patch) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))))}</div>
              <button
                type="button"
                className="icon-button icon-button-danger row-list-remove"
                onClick={() => remove(index)}
                disabled={rows.length <= minRows}
                aria-label={`Remove ${rowName(row, index)}`}
                title="Remove"
              >
                <Icon name="trash" />
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <button ref={addButton} type="button" className="button button-secondary button-small" onClick={add}>
          <Icon name="plus" /> {addLabel}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
