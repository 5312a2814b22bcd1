import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface HostListFieldProps {
  hosts: string[];
  onChange: (hosts: string[]) => void;
  /** Messages by field path: `hosts` for the list, `hosts.1` for the second host. */
  errors: Record<string, string>;
  hint?: ReactNode;
  placeholder?: string;
}

let nextKey = 0;
const newKey = () => `host-${++nextKey}`;

/**
 * The connector's directory servers as an ordered list the admin can add to, remove from and
 * reorder; each host shows its own server message. Focus follows a host when it moves.
 */
export function HostListField({ hosts, onChange, errors, hint, placeholder }: HostListFieldProps) {
  const id = useId();
  const [keys, setKeys] = useState<string[]>(() => hosts.map(newKey));
  const [announcement, setAnnouncement] = useState('');
  const focusNext = useRef<{ key: string; control: 'input' | 'up' | 'down' } | null>(null);
  const controls = useRef(new Map<string, HTMLElement | null>());
  // The form may be reset from outside (a reload after saving): give the new rows new keys.
  const rowKeys = keys.length === hosts.length ? keys : hosts.map((_, i) => keys[i] ?? newKey());
  useEffect(() => {
    if (rowKeys !== keys) setKeys(rowKeys);
  }, [rowKeys, keys]);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const wanted = controls.current.get(`${target.key}:${target.control}`);
    const element = wanted && !(wanted as HTMLButtonElement).disabled ? wanted : controls.current.get(`${target.key}:input`);
    element?.focus();
  });

  const update = (nextHosts: string[], nextKeys: string[]) => {
    setKeys(nextKeys);
    onChange(nextHosts);
  };
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const nextHosts = [...hosts];
    const nextKeys = [...rowKeys];
    [nextHosts[index], nextHosts[to]] = [nextHosts[to]!, nextHosts[index]!];
    [nextKeys[index], nextKeys[to]] = [nextKeys[to]!, nextKeys[index]!];
    focusNext.current = { key: rowKeys[index]!, control: by < 0 ? 'up' : 'down' };
    setAnnouncement(`${hosts[index] || 'Empty host'} moved to position ${to + 1} of ${hosts.length}.`);
    update(nextHosts, nextKeys);
  };
  const remove = (index: number) => {
    const nextKeys = rowKeys.filter((_, i) => i !== index);
    const neighbour = nextKeys[Math.min(index, nextKeys.length - 1)];
    if (neighbour) focusNext.current = { key: neighbour, control: 'input' };
    setAnnouncement(`${hosts[index] || 'Empty host'} removed.`);
    update(
      hosts.filter((_, i) => i !== index),
      nextKeys,
    );
  };
  const add = () => {
    const key = newKey();
    focusNext.current = { key, control: 'input' };
    update([...hosts, ''], [...rowKeys, key]);
  };
  const register = (key: string, control: string) => (element: HTMLElement | null) => {
    controls.current.set(`${key}:${control}`, element);
  };

  const listError = errors.hosts;
  return (
    <fieldset className="field host-list" aria-describedby={[hint ? `${id}-hint` : '', listError ? `${id}-error` : ''].join(' ').trim() || undefined}>
      <legend>Directory servers</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ol className="host-rows">
        {hosts.map((host, index) => {
          const key = rowKeys[index]!;
          const error = errors[`hosts.${index}`];
          const inputId = `${id}-${key}`;
          const label = hosts.length > 1 ? `Host ${index + 1}${index === 0 ? ' (tried first)' : ''}` : 'Host';
          return (
            <li key={key} className="host-row">
              <label htmlFor={inputId} className="host-label">
                {label}
              </label>
              <div className="host-controls">
                <input
                  ref={register(key, 'input')}
                  id={inputId}
                  value={host}
                  placeholder={placeholder}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  aria-invalid={error || (listError && index === 0) ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : listError && index === 0 ? `${id}-error` : undefined}
                  onChange={(event) => onChange(hosts.map((h, i) => (i === index ? event.target.value : h)))}
                />
                <button
                  ref={register(key, 'up')}
                  type="button"
                  className="icon-button"
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={`Move ${host || `host ${index + 1}`} up`}
                  title="Move up"
                >
                  <Icon name="up" />
                </button>
                <button
                  ref={register(key, 'down')}
                  type="button"
                  className="icon-button"
                  onClick={() => move(index, 1)}
                  disabled={index === hosts.length - 1}
                  aria-label={`Move ${host || `host ${index + 1}`} down`}
                  title="Move down"
                >
                  <Icon name="down" />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button-danger"
                  onClick={() => remove(index)}
                  disabled={hosts.length === 1}
                  aria-label={`Remove ${host || `host ${index + 1}`}`}
                  title="Remove"
                >
                  <Icon name="trash" />
                </button>
              </div>
              {error ? (
                <p id={`${inputId}-error`} className="field-error">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="button button-secondary button-small" onClick={add}>
          <Icon name="plus" /> Add a server
        </button>
      </div>
      {listError ? (
        <p id={`${id}-error`} className="field-error">
          {listError}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
