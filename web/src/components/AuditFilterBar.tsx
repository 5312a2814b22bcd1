import { useId, useState, type FormEvent } from 'react';
import { activeFilterCount, EMPTY_AUDIT_FILTER, timeRangeProblem, type AuditFilterValues } from '../internal/auditFilter';
import { AUDIT_CATEGORIES, AUDIT_EVENT_TYPES } from '../internal/auditFilterOptions';
import { Icon } from './Icon';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export interface AuditFilterBarProps {
  /** The filter the list shows now. */
  applied: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
  /** The organisation's services, for the service filter. */
  services: readonly { id: string; name: string }[];
}

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The applied filter as short labels, one per field, e.g. "Category: Token packs". */
function filterChips(values: AuditFilterValues, services: readonly { id: string; name: string }[]): { field: keyof AuditFilterValues; label: string }[] {
  const time = (local: string) => {
    const date = new Date(local);
    return Number.isNaN(date.getTime()) ? local : localTime.format(date);
  };
  const labels: Record<keyof AuditFilterValues, (value: string) => string> = {
    from: (v) => `From ${time(v)}`,
    to: (v) => `Before ${time(v)}`,
    type: (v) => `Type: ${v}`,
    category: (v) => `Category: ${AUDIT_CATEGORIES.find((c) => c.value === v)?.label ?? v}`,
    username: (v) => `User: ${v}`,
    serviceId: (v) => `Service: ${services.find((service) => service.id === v)?.name ?? v}`,
    outcome: (v) => `Outcome: ${v === 'SUCCESS' ? 'success' : 'failure'}`,
    ip: (v) => `IP: ${v}`,
  };
  return (Object.keys(labels) as (keyof AuditFilterValues)[]).filter((field) => values[field].trim()).map((field) => ({ field, label: labels[field](values[field].trim()) }));
}

/**
 * Narrows the audit history (and its live updates and exports) by time, type, category, user,
 * service, outcome and client IP. Changes apply with the Apply button or Enter; on phones the
 * fields fold away behind a Filters button.
 */
export function AuditFilterBar({ applied, onApply, services }: AuditFilterBarProps) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  // Applied from elsewhere (the URL, Clear all): the fields show it.
  const [shown, setShown] = useState(applied);
  if (shown !== applied) {
    setShown(applied);
    setDraft(applied);
  }
  const [open, setOpen] = useState(false);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const set = (field: keyof AuditFilterValues, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const count = activeFilterCount(applied);
  const changed = JSON.stringify(draft) !== JSON.stringify(applied);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = timeRangeProblem(draft);
    setRangeError(problem);
    if (!problem) onApply(draft);
  }

  const serviceKnown = !draft.serviceId || services.some((service) => service.id === draft.serviceId);
  const chips = filterChips(applied, services);
  return (
    <section className={open ? 'audit-filters open' : 'audit-filters'} aria-labelledby={`${id}-title`}>
      <div className="audit-filters-header">
        <h2 id={`${id}-title`} className="audit-filters-title">
          Filters{count > 0 ? <span className="filter-count"> · {count} applied</span> : null}
        </h2>
        <button type="button" className="button button-secondary button-small audit-filters-toggle" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide filters' : count > 0 ? `Show filters (${count})` : 'Show filters'}
        </button>
      </div>
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label="Applied filters">
          {chips.map((chip) => (
            <li key={chip.field} className="filter-chip">
              {chip.label}
              <button
                type="button"
                className="filter-chip-remove"
                aria-label={`Remove filter ${chip.label}`}
                onClick={() => onApply({ ...applied, [chip.field]: '' })}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form id={`${id}-form`} className="audit-filters-form" onSubmit={onSubmit} noValidate aria-label="Audit filters">
        <div className="audit-filter-grid">
          <TextField label="From" name="from" type="datetime-local" value={draft.from} onChange={(e) => set('from', e.target.value)} error={rangeError?.startsWith('Enter the start') ? rangeError : undefined} />
          <TextField label="To" name="to" type="datetime-local" value={draft.to} onChange={(e) => set('to', e.target.value)} error={rangeError && !rangeError.startsWith('Enter the start') ? rangeError : undefined} />
          <TextField
            label="Type"
            name="type"
            list={`${id}-types`}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. PrimaryAuthFailed"
            value={draft.type}
            onChange={(e) => set('type', e.target.value)}
          />
          <datalist id={`${id}-types`}>
            {AUDIT_EVENT_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <SelectField
            label="Category"
            name="category"
            value={draft.category}
            onChange={(e) => set('category', e.target.value)}
            options={[
              { value: '', label: 'Any category' },
              ...AUDIT_CATEGORIES,
              ...(draft.category && !AUDIT_CATEGORIES.some((c) => c.value === draft.category) ? [{ value: draft.category, label: draft.category }] : []),
            ]}
          />
          <TextField label="User" name="username" autoComplete="off" spellCheck={false} placeholder="Username or email" value={draft.username} onChange={(e) => set('username', e.target.value)} />
          <SelectField
            label="Service"
            name="serviceId"
            value={draft.serviceId}
            onChange={(e) => set('serviceId', e.target.value)}
            options={[
              { value: '', label: 'Any service' },
              ...services.map((service) => ({ value: service.id, label: service.name })),
              ...(serviceKnown ? [] : [{ value: draft.serviceId, label: 'Deleted service' }]),
            ]}
          />
          <SelectField
            label="Outcome"
            name="outcome"
            value={draft.outcome}
            onChange={(e) => set('outcome', e.target.value)}
            options={[
              { value: '', label: 'Any outcome' },
              { value: 'SUCCESS', label: 'Success' },
              { value: 'FAILURE', label: 'Failure' },
            ]}
          />
          <TextField label="Client IP" name="ip" autoComplete="off" spellCheck={false} placeholder="203.0.113.7" value={draft.ip} onChange={(e) => set('ip', e.target.value)} />
        </div>
        <div className="form-actions audit-filter-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={count === 0 && !changed}
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTER);
              setRangeError(undefined);
              onApply(EMPTY_AUDIT_FILTER);
            }}
          >
            <Icon name="close" /> Clear all
          </button>
          {changed ? <span className="muted">Not applied yet.</span> : null}
          <span className="muted audit-filter-note">Type lists may hold several, separated by commas. User and IP match exactly.</span>
        </div>
      </form>
    </section>
  );
}
