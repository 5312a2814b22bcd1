import type { ReactNode } from 'react';

/** The muted line a section or page shows while its data loads ("Loading devices…"); announced to screen readers. */
export function LoadingStatus({ children }: { children: ReactNode }) {
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}
