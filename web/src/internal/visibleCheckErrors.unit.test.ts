import { describe, expect, it } from 'vitest';
import { checkAnnouncement, visibleCheckErrors } from './visibleCheckErrors';

const fields = { baseDn: 'Write the base DN like ou=People,dc=example,dc=com.', 'hosts.1': 'Remove the empty host or fill it in.', bindDn: 'Enter the service account.' };

describe('visibleCheckErrors', () => {
  it('shows nothing on a fresh form, however much the server would refuse', () => {
    expect(visibleCheckErrors(fields, new Set(), false)).toEqual({});
  });

  it('shows the messages of touched fields only, a list entry with its list', () => {
    expect(visibleCheckErrors(fields, new Set(['baseDn', 'hosts']), false)).toEqual({ baseDn: fields.baseDn, 'hosts.1': fields['hosts.1'] });
  });

  it('shows every message after a submit attempt', () => {
    expect(visibleCheckErrors(fields, new Set(), true)).toEqual(fields);
  });
});

describe('checkAnnouncement', () => {
  it('counts the fields with a problem, and says when they are all fixed', () => {
    expect(checkAnnouncement(0, false)).toBe('');
    expect(checkAnnouncement(1, false)).toMatch(/^1 field has a problem/);
    expect(checkAnnouncement(3, true)).toMatch(/^3 fields have problems/);
    expect(checkAnnouncement(0, true)).toBe('No problems left in the fields you filled in.');
  });
});
