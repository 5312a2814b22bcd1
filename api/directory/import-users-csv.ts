import { parse } from 'csv-parse/sync';
import type { CommandContext } from '../commands';
import { isAppError, validationError } from '../errors';
import type { BuiltInUserService } from './built-in-user-service';

export interface ImportRowResult {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  username: string;
  ok: boolean;
  /** What to fix in this row, when it was not imported. */
  error?: string;
}

const COLUMNS = ['username', 'email', 'displayName', 'phone', 'password', 'enabled', 'immutableId'];
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Imports users into a built-in directory from CSV with a header row (username, email,
 * displayName required; phone, password, enabled, immutableId optional). Each row is its own
 * command: good rows are imported, bad rows are reported with what to fix, and nothing
 * half-written is left behind.
 */
export async function importUsersCsv(service: BuiltInUserService, connectorId: string, csv: string, ctx: CommandContext): Promise<ImportRowResult[]> {
  if (Buffer.byteLength(csv) > MAX_BYTES) throw validationError({ csv: 'keep the file under 5 MB, or split it' });
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return [{ line: 0, username: '', ok: false, error: `The file is not valid CSV: ${(error as Error).message}` }];
  }
  const header = records.length ? Object.keys(records[0]!) : [];
  const missing = ['username', 'email', 'displayName'].filter((c) => !header.includes(c));
  if (records.length && missing.length) {
    return [{ line: 1, username: '', ok: false, error: `The header row needs the columns ${missing.join(', ')} (allowed: ${COLUMNS.join(', ')}).` }];
  }
  const results: ImportRowResult[] = [];
  for (const [index, row] of records.entries()) {
    const line = index + 2;
    const username = row.username ?? '';
    const enabled = row.enabled ? !/^(false|no|0|disabled)$/i.test(row.enabled) : true;
    try {
      await service.add(connectorId, { username, email: row.email ?? '', displayName: row.displayName ?? '', phone: row.phone, password: row.password || null, enabled, immutableId: row.immutableId }, ctx);
      results.push({ line, username, ok: true });
    } catch (error) {
      if (!isAppError(error) || !error.expose) throw error;
      results.push({ line, username, ok: false, error: error.message });
    }
  }
  return results;
}
