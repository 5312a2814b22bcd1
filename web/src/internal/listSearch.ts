/** What a list holds, in the singular and plural, e.g. `{ one: 'service', other: 'services' }`. */
export interface ListNoun {
  one: string;
  other: string;
}

/** Lower case without accents, so “Zürich” is found by “zurich”. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Whether an item whose searchable texts are `fields` answers `query`: every word of the query
 * must appear (in any case, accents ignored) in one of the texts. A blank query matches all.
 */
export function matchesSearch(fields: ReadonlyArray<string | null | undefined>, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.filter((field): field is string => Boolean(field)).map(fold);
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

/** The 1-based page number a `?page=` value names, or 1 when it is missing or not a positive whole number. */
export function parsePage(value: string | null): number {
  const page = value && /^\d+$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}

/** Everything the count line needs to say what is shown. */
export interface ListSummaryInput {
  noun: ListNoun;
  /** The trimmed search, empty when the list is not filtered. */
  query: string;
  total: number;
  matchCount: number;
  /** 1-based positions of the first and last item shown. */
  first: number;
  last: number;
  pageCount: number;
}

/**
 * The count line under a searchable list, e.g. "12 services", "Showing 21–40 of 57 services",
 * "3 of 57 services match “eu”" or "No services match “eu”.".
 */
export function listSummary({ noun, query, total, matchCount, first, last, pageCount }: ListSummaryInput): string {
  const words = (count: number) => `${count} ${count === 1 ? noun.one : noun.other}`;
  if (!query) return pageCount > 1 ? `Showing ${first}–${last} of ${words(total)}` : words(total);
  if (matchCount === 0) return `No ${noun.other} match “${query}”.`;
  if (pageCount > 1) return `Showing ${first}–${last} of ${words(matchCount)} matching “${query}”`;
  return `${matchCount} of ${words(total)} ${matchCount === 1 ? 'matches' : 'match'} “${query}”`;
}
