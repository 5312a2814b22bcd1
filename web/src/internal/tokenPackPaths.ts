/** The tabs of a token pack's page. */
export type TokenPackTab = 'info' | 'networks';

/**
 * Where a token pack's page is. The Token Packs section keeps its place in query parameters
 * (`/token-packs?pack=<id>&tab=networks`), so it needs no nested routes.
 */
export function tokenPackPath(id: string, tab: TokenPackTab = 'info'): string {
  const params = new URLSearchParams({ pack: id });
  if (tab !== 'info') params.set('tab', tab);
  return `/token-packs?${params}`;
}
