import type { Express, Request, Response } from 'express';
import type { AuditFilter, AuditRow } from '../../projections';
import type { AppServices } from '../app-services';
import { AppError, isAppError, validationError } from '../errors';
import { requirePermissions } from '../graphql/auth-checker';
import { resolvePrincipal } from './resolve-principal';

const CSV_COLUMNS = ['position', 'occurred_at', 'type', 'category', 'actor_kind', 'actor_id', 'username', 'service_id', 'outcome', 'ip', 'user_agent', 'correlation_id', 'summary', 'data'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function jsonLine(row: AuditRow): string {
  return `${JSON.stringify({
    position: String(row.position), id: row.event_id, occurredAt: row.occurred_at, type: row.type, category: row.category, streamId: row.stream_id,
    actor: { kind: row.actor_kind, id: row.actor_id }, username: row.username, serviceId: row.service_id, outcome: row.outcome,
    ip: row.ip, userAgent: row.user_agent, correlationId: row.correlation_id, causationId: row.causation_id, summary: row.summary, data: JSON.parse(row.data),
  })}\n`;
}

function filterOf(query: Request['query']): AuditFilter {
  const str = (k: string) => (typeof query[k] === 'string' && query[k] ? (query[k] as string) : undefined);
  const date = (k: string) => {
    const v = str(k);
    if (v === undefined) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw validationError({ [k]: 'use an ISO date-time such as 2026-01-31T00:00:00Z' });
    return d;
  };
  const list = (k: string) => str(k)?.split(',').map((s) => s.trim()).filter(Boolean);
  const outcome = str('outcome');
  if (outcome && outcome !== 'success' && outcome !== 'failure') throw validationError({ outcome: 'use success or failure' });
  return {
    from: date('from'), to: date('to'), types: list('types'), categories: list('categories'), actorKind: str('actorKind'), actorId: str('actorId'),
    username: str('username'), serviceId: str('serviceId'), outcome: outcome as AuditFilter['outcome'], ip: str('ip'), correlationId: str('correlationId'),
  };
}

/**
 * GET /api/audit/export?format=csv|jsonl&<filter>: the filtered audit history, newest first,
 * streamed row by row with back-pressure, so a million rows cost no more memory than ten.
 */
export function mountAuditExport(app: Express, services: AppServices): void {
  app.get('/api/audit/export', async (req: Request, res: Response) => {
    try {
      const principal = requirePermissions(resolvePrincipal(services, req, { kind: 'http' }), ['audit:read']);
      const format = req.query.format ?? 'jsonl';
      if (format !== 'csv' && format !== 'jsonl') throw validationError({ format: 'use csv or jsonl' });
      const rows = services.auditQueries.iterate(principal.tenantId, filterOf(req.query), services.now());
      const stamp = services.now().toISOString().replace(/[:.]/g, '-');
      res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="countersign-audit-${stamp}.${format}"`);
      res.setHeader('cache-control', 'no-store');
      if (format === 'csv') res.write(`${CSV_COLUMNS.join(',')}\n`);
      let closed = false;
      res.on('close', () => (closed = true));
      let chunk = '';
      for (const row of rows) {
        if (closed) break;
        chunk += format === 'csv' ? `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n` : jsonLine(row);
        if (chunk.length >= 64 * 1024) {
          const ok = res.write(chunk);
          chunk = '';
          if (!ok) await new Promise((resolve) => res.once('drain', resolve));
        }
      }
      if (!closed) res.end(chunk);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      const appError = isAppError(error) ? error : new AppError('INTERNAL');
      if (!appError.expose) services.logger.error({ err: error }, 'audit export failed');
      res.status(appError.status).json({ error: { code: appError.code, message: appError.message, ...(appError.details ?? {}) } });
    }
  });
}
