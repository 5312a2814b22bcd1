/**
 * The server's field messages a form shows: those of touched fields, or all of them once a
 * submit was attempted. A message for `hosts.1` shows once `hosts` (or `hosts.1`) is touched.
 */
export function visibleCheckErrors(fields: Record<string, string>, touched: ReadonlySet<string>, submitted: boolean): Record<string, string> {
  if (submitted) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([field]) => isTouched(field, touched)));
}

function isTouched(path: string, touched: ReadonlySet<string>): boolean {
  const parts = path.split('.');
  return parts.some((_, i) => touched.has(parts.slice(0, i + 1).join('.')));
}

/**
 * What a polite live region says about the fields with a message: a count, never the messages
 * themselves (each is read with its field, and the page should hold it once). Empty until a
 * message was first shown; then "no problems left" when they are all fixed.
 */
export function checkAnnouncement(count: number, shownBefore: boolean): string {
  if (count === 0) return shownBefore ? 'No problems left in the fields you filled in.' : '';
  return count === 1 ? '1 field has a problem to fix; its message is under it.' : `${count} fields have problems to fix; each message is under its field.`;
}
