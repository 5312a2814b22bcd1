import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, streamId } from '../api/commands';
import type { Sealed } from '../api/crypto';
import { tenantDecider } from '../api/domain/tenant';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { allProjections, createProjectionRunner, openReadModelDb } from './index';
import type { Projection } from './projection';

const ctx = { tenantId: 't1', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };

function dump(db: Database.Database) {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
}

async function seed(handle: ReturnType<typeof createCommandHandler>, admins: number) {
  const tenant = streamId('tenant', 't1', 't1');
  await handle(tenantDecider, tenant, { type: 'CreateTenant', tenantId: 't1', name: 'Acme' }, ctx);
  let last = 0n;
  for (let i = 0; i < admins; i++) {
    const r = await handle(
      tenantDecider,
      tenant,
      { type: 'AddAdmin', adminId: randomUUID(), email: `a${i}@acme.test`, role: i === 0 ? 'owner' : 'admin', passwordHash: 'sealed:v1:x:y:z' as Sealed },
      ctx,
    );
    last = r.position;
  }
  return last;
}

describe('projection runner', () => {
  it('makes a command visible to reads once waitFor(position) resolves (read-your-writes)', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const db = openReadModelDb(':memory:');
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.start();
    const handle = createCommandHandler({ store, now: () => new Date() });
    await seed(handle, 1);
    for (let i = 0; i < 20; i++) {
      const { position } = await handle(
        tenantDecider,
        streamId('tenant', 't1', 't1'),
        { type: 'IssueApiKey', keyId: `k${i}`, name: `key ${i}`, scopes: ['audit:read'], secretHash: 'h' },
        ctx,
      );
      await runner.waitFor(position);
      // Read immediately after the wait: the row must already be there.
      expect(db.prepare('SELECT name FROM api_keys WHERE key_id = ?').pluck().get(`k${i}`)).toBe(`key ${i}`);
    }
    expect(db.prepare('SELECT COUNT(*) FROM api_keys').pluck().get()).toBe(20);
    await runner.stop();
    await store.close();
  });

  it('rebuilding from the store gives identical read models', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-proj-'));
    const store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const db = openReadModelDb(join(dir, 'read.sqlite'));
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.start();
    const last = await seed(createCommandHandler({ store, now: () => new Date() }), 30);
    await runner.waitFor(last);
    const before = dump(db);
    expect((before.admins as unknown[]).length).toBe(30);
    await runner.rebuild();
    await runner.waitFor(last);
    expect(dump(db)).toEqual(before);
    await runner.stop();

    // A fresh node with an empty read-model file reaches the same state too.
    const db2 = openReadModelDb(join(dir, 'read2.sqlite'));
    const runner2 = createProjectionRunner({ store, db: db2, projections: allProjections });
    await runner2.start();
    expect(dump(db2)).toEqual(before);
    await runner2.stop();
    await store.close();
  });

  it('times out a wait for a position that never comes with READ_MODEL_TIMEOUT', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const runner = createProjectionRunner({ store, db: openReadModelDb(':memory:'), projections: allProjections });
    await runner.start();
    await expect(runner.waitFor(10_000n, 50)).rejects.toMatchObject({ code: 'READ_MODEL_TIMEOUT' });
    await runner.stop();
    await store.close();
  });

  it('resumes after a batch fails, from the checkpoint that batch rolled back to', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const db = openReadModelDb(':memory:');
    let failures = 1;
    const flaky: Projection = {
      name: 'flaky', version: 1, tables: ['seen'], schema: 'CREATE TABLE IF NOT EXISTS seen (type TEXT)',
      apply(into, event) {
        into.prepare('INSERT INTO seen (type) VALUES (?)').run(event.type);
        if (event.type === 'Second' && failures-- > 0) throw new Error('disk hiccup');
      },
    };
    const errors: Error[] = [];
    const runner = createProjectionRunner({ store, db, projections: [flaky], onError: (e) => errors.push(e) });
    await runner.start();
    const meta = { tenantId: 't1', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c', timestamp: new Date().toISOString() };
    await store.append('s-1', [{ eventId: randomUUID(), type: 'First', data: {}, metadata: meta }], 'any');
    const { position } = await store.append('s-1', [{ eventId: randomUUID(), type: 'Second', data: {}, metadata: meta }], 'any');
    await runner.waitFor(position, 10_000);
    expect(errors.map((e) => e.message)).toEqual(['disk hiccup']);
    expect(db.prepare('SELECT type FROM seen ORDER BY rowid').pluck().all()).toEqual(['First', 'Second']);
    await runner.stop();
    await store.close();
  });
});
