/**
 * Tells screen-reader users, politely, how many fields the live server check has found a
 * problem with: messages appear under fields while the admin types, where nothing else would
 * announce them.
 */
export function ServerCheckAnnouncer({ text }: { text: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
