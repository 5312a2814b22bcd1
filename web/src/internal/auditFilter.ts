import type { AuditFilter, AuditOutcome } from '../graphql/types';

/** The Audit page's filter as the admin fills it in; empty strings mean "any". */
export interface AuditFilterValues {
  /** `datetime-local` value (local time), e.g. `2026-01-31T09:00`. */
  from: string;
  to: string;
  /** One event type or several separated by commas. */
  type: string;
  category: string;
  username: string;
  serviceId: string;
  outcome: '' | AuditOutcome;
  ip: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { from: '', to: '', type: '', category: '', username: '', serviceId: '', outcome: '', ip: '' };

const KEYS = Object.keys(EMPTY_AUDIT_FILTER) as (keyof AuditFilterValues)[];

/** The filter kept in the page's query string, so a filtered view can be reloaded, bookmarked and shared. */
export function auditFilterFromSearch(params: URLSearchParams): AuditFilterValues {
  const values = { ...EMPTY_AUDIT_FILTER };
  for (const key of KEYS) {
    const value = params.get(key)?.trim() ?? '';
    if (key === 'outcome') values.outcome = value === 'SUCCESS' || value === 'FAILURE' ? value : '';
    else values[key] = value;
  }
  return values;
}

/** The filled-in fields as query parameters (empty ones left out). */
export function auditFilterToSearch(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = values[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** How many fields narrow the list. */
export function activeFilterCount(values: AuditFilterValues): number {
  return KEYS.filter((key) => values[key].trim()).length;
}

/** A `datetime-local` value as an ISO instant, or undefined when empty or not a date. */
function isoOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function listOf(text: string): string[] | undefined {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** Why the time range cannot be used, or undefined. */
export function timeRangeProblem(values: AuditFilterValues): string | undefined {
  const from = isoOf(values.from);
  const to = isoOf(values.to);
  if (values.from.trim() && !from) return 'Enter the start as a date and time.';
  if (values.to.trim() && !to) return 'Enter the end as a date and time.';
  if (from && to && from >= to) return 'The end must be after the start.';
  return undefined;
}

/** The GraphQL `AuditFilter`, or null when nothing is filled in. */
export function toAuditFilter(values: AuditFilterValues): AuditFilter | null {
  const filter: AuditFilter = {};
  const from = isoOf(values.from);
  const to = isoOf(values.to);
  const types = listOf(values.type);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (types) filter.types = types;
  if (values.category.trim()) filter.categories = [values.category.trim()];
  if (values.username.trim()) filter.username = values.username.trim();
  if (values.serviceId.trim()) filter.serviceId = values.serviceId.trim();
  if (values.outcome) filter.outcome = values.outcome;
  if (values.ip.trim()) filter.ip = values.ip.trim();
  return Object.keys(filter).length > 0 ? filter : null;
}

/**
 * The same filter as `GET /api/audit/export` takes it: lists comma-separated, the outcome in
 * lower case (`success`, `failure`), times as ISO instants.
 */
export function auditExportUrl(values: AuditFilterValues, format: 'csv' | 'jsonl'): string {
  const filter = toAuditFilter(values) ?? {};
  const params = new URLSearchParams({ format });
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.types) params.set('types', filter.types.join(','));
  if (filter.categories) params.set('categories', filter.categories.join(','));
  if (filter.username) params.set('username', filter.username);
  if (filter.serviceId) params.set('serviceId', filter.serviceId);
  if (filter.outcome) params.set('outcome', filter.outcome.toLowerCase());
  if (filter.ip) params.set('ip', filter.ip);
  return `/api/audit/export?${params}`;
}
