/** Stream ids are `<aggregate>-<tenantId>-<id>` (DESIGN.md); ids must not contain the separator's meaning. */
export function streamId(aggregate: string, tenantId: string, id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(aggregate)) throw new Error(`bad aggregate name ${aggregate}`);
  if (!/^[A-Za-z0-9_.:]+$/.test(tenantId)) throw new Error(`bad tenant id ${tenantId}`);
  return `${aggregate}-${tenantId}-${id}`;
}
