import { describe, expect, it } from 'vitest';
import { auditExportUrl, auditFilterFromSearch, auditFilterToSearch, EMPTY_AUDIT_FILTER, timeRangeProblem, toAuditFilter } from './auditFilter';

describe('the audit filter', () => {
  const values = { ...EMPTY_AUDIT_FILTER, type: 'PrimaryAuthFailed, AssertionIssued', category: 'authentication', outcome: 'FAILURE' as const, ip: ' 203.0.113.7 ' };

  it('asks GraphQL for nothing when no field is filled in', () => {
    expect(toAuditFilter(EMPTY_AUDIT_FILTER)).toBeNull();
  });

  it('turns the fields into an AuditFilter: comma lists, one category, trimmed values', () => {
    expect(toAuditFilter(values)).toEqual({ types: ['PrimaryAuthFailed', 'AssertionIssued'], categories: ['authentication'], outcome: 'FAILURE', ip: '203.0.113.7' });
  });

  it('gives the export the same filter, with the outcome in the lower case it takes', () => {
    const url = new URL(auditExportUrl(values, 'csv'), 'http://x');
    expect(url.pathname).toBe('/api/audit/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv', types: 'PrimaryAuthFailed,AssertionIssued', categories: 'authentication', outcome: 'failure', ip: '203.0.113.7',
    });
  });

  it('sends local times as ISO instants and refuses an end before the start', () => {
    const range = { ...EMPTY_AUDIT_FILTER, from: '2026-03-01T10:00', to: '2026-03-01T09:00' };
    expect(toAuditFilter(range)?.from).toBe(new Date('2026-03-01T10:00').toISOString());
    expect(timeRangeProblem(range)).toBe('The end must be after the start.');
    expect(timeRangeProblem({ ...range, to: '2026-03-02T09:00' })).toBeUndefined();
  });

  it('survives a round trip through the query string, ignoring an unknown outcome', () => {
    expect(auditFilterFromSearch(auditFilterToSearch(values))).toEqual({ ...values, ip: '203.0.113.7' });
    expect(auditFilterFromSearch(new URLSearchParams('outcome=maybe')).outcome).toBe('');
  });
});
