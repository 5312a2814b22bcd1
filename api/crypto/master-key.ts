import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads the master key: from the configured base64 value when there is one, otherwise
 * from `<dataDir>/master.key`, generating it on first start with owner-only permissions.
 * Returns whether it was generated so the caller can warn once.
 */
export function loadOrCreateMasterKey(configured: Buffer | undefined, dataDir: string): { key: Buffer; generated: boolean } {
  if (configured) return { key: configured, generated: false };
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o077;
    if (mode !== 0) chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; restore it from backup`);
    return { key, generated: false };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, generated: true };
}
