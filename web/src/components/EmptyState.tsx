import type { ReactNode } from 'react';

/** The panel a list shows when it has nothing yet: what would be here and, if given, the action that adds the first one. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <section className="panel empty">
      <p>{children}</p>
      {action ? <p>{action}</p> : null}
    </section>
  );
}
