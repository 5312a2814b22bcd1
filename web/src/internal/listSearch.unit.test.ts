import { describe, expect, it } from 'vitest';
import { listSummary, matchesSearch, parsePage } from './listSearch';

const services = { one: 'service', other: 'services' };

describe('matchesSearch', () => {
  it('finds a word in any field, in any case and without accents', () => {
    expect(matchesSearch(['Payroll', 'Started', 'Zürich LDAP'], 'zurich')).toBe(true);
    expect(matchesSearch(['Payroll', null, undefined, 'Started'], 'START')).toBe(true);
  });

  it('needs every word of the search, each in some field', () => {
    expect(matchesSearch(['Office 365', 'Stopped'], 'office stopped')).toBe(true);
    expect(matchesSearch(['Office 365', 'Stopped'], 'office started')).toBe(false);
  });

  it('lets a blank search match everything', () => {
    expect(matchesSearch([], '   ')).toBe(true);
  });
});

describe('parsePage', () => {
  it('reads a positive whole number and falls back to 1 otherwise', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(null)).toBe(1);
    expect(parsePage('0')).toBe(1);
    expect(parsePage('-2')).toBe(1);
    expect(parsePage('two')).toBe(1);
  });
});

describe('listSummary', () => {
  const base = { noun: services, query: '', total: 57, matchCount: 57, first: 1, last: 20, pageCount: 3 };

  it('counts a short list and shows the range of a long one', () => {
    expect(listSummary({ ...base, total: 12, matchCount: 12, last: 12, pageCount: 1 })).toBe('12 services');
    expect(listSummary({ ...base, total: 1, matchCount: 1, last: 1, pageCount: 1 })).toBe('1 service');
    expect(listSummary({ ...base, first: 21, last: 40 })).toBe('Showing 21–40 of 57 services');
  });

  it('says what a search found, and when it found nothing', () => {
    expect(listSummary({ ...base, query: 'eu', matchCount: 3, last: 3, pageCount: 1 })).toBe('3 of 57 services match “eu”');
    expect(listSummary({ ...base, query: 'eu', matchCount: 1, last: 1, pageCount: 1 })).toBe('1 of 57 services matches “eu”');
    expect(listSummary({ ...base, query: 'eu', matchCount: 23, pageCount: 2 })).toBe('Showing 1–20 of 23 services matching “eu”');
    expect(listSummary({ ...base, query: 'zzz', matchCount: 0, first: 0, last: 0, pageCount: 1 })).toBe('No services match “zzz”.');
  });
});
