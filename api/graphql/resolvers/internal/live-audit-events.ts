import type { AuditFilter, AuditRow } from '../../../../projections';
import type { AppServices } from '../../../app-services';

/**
 * Audit rows of one tenant as the read model takes them, from `after` (or from now). Reads
 * by position from the read model whenever it advances, so a resumed subscriber gets every
 * row after its cursor exactly once, in order.
 */
export async function* liveAuditEvents(services: AppServices, tenantId: string, after?: bigint, filter: AuditFilter = {}): AsyncGenerator<AuditRow> {
  const queries = services.auditQueries;
  let cursor = after ?? queries.newestPosition(tenantId);
  let wake: (() => void) | null = null;
  let advanced = true;
  const unsubscribe = services.progress.onAdvance(() => {
    advanced = true;
    wake?.();
  });
  try {
    for (;;) {
      if (!advanced) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      advanced = false;
      for (;;) {
        const rows = queries.after(tenantId, cursor, 500, filter);
        for (const row of rows) {
          cursor = row.position;
          yield row;
        }
        if (rows.length < 500) break;
      }
    }
  } finally {
    unsubscribe();
  }
}
