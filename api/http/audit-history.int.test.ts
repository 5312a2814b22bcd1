import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { NewEvent } from '../eventstore';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer } from '../../test/support/start-test-server';

const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };

function benchEvent(i: number, extra: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'PrimaryAuthFailed',
    data: { username: `user${i % 50}`, reason: 'INVALID_CREDENTIALS', adminMessage: 'The password is wrong.', ...extra },
    metadata: { tenantId: 'default', actor: { kind: 'user', id: 'anonymous' }, correlationId: `corr-${i % 1000}`, causationId: randomUUID(), timestamp: new Date().toISOString(), ip: `192.0.2.${i % 200}` },
  };
}

describe('audit history: filters, stable pages, streamed export, resumable subscriptions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reader: ReturnType<typeof graphqlClient>;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.services.apiKeys.issue('auditor', ['audit:read'], ctx)).token;
    reader = graphqlClient(server.url, { bearer: token });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const appendMany = async (count: number, extra: Record<string, unknown> = {}) => {
    let position = 0n;
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, (_, j) => benchEvent(start + j, extra));
      position = (await server.services.store.append(`authentication-default-${randomUUID()}`, batch, 'no_stream')).position;
    }
    await server.services.progress.waitFor(position, 60_000);
  };

  it('filters by type, user, outcome, client IP and time', async () => {
    await appendMany(200);
    const query = 'query($f: AuditFilter) { auditEvents(first: 500, filter: $f) { edges { node { type username outcome ip } } } }';
    const byUser = await reader.request<{ auditEvents: { edges: Array<{ node: { username: string; outcome: string } }> } }>(query, { f: { username: 'USER7', types: ['PrimaryAuthFailed'] } });
    expect(byUser.data!.auditEvents.edges).toHaveLength(4);
    expect(byUser.data!.auditEvents.edges.every((e) => e.node.username === 'user7' && e.node.outcome === 'failure')).toBe(true);
    const byIp = await reader.request<{ auditEvents: { edges: unknown[] } }>(query, { f: { ip: '192.0.2.5' } });
    expect(byIp.data!.auditEvents.edges).toHaveLength(1);
    const future = await reader.request<{ auditEvents: { edges: unknown[] } }>(query, { f: { from: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(future.data!.auditEvents.edges).toHaveLength(0);
    const success = await reader.request<{ auditEvents: { edges: Array<{ node: { type: string } }> } }>(query, { f: { outcome: 'SUCCESS' } });
    expect(success.data!.auditEvents.edges.every((e) => e.node.type !== 'PrimaryAuthFailed')).toBe(true);
  });

  it('keeps pages stable while new events arrive', async () => {
    const page = (after?: string) =>
      reader.request<{ auditEvents: { edges: Array<{ cursor: string }>; pageInfo: { endCursor: string } } }>(
        'query($a: String) { auditEvents(first: 50, after: $a, filter: { types: ["PrimaryAuthFailed"] }) { edges { cursor } pageInfo { endCursor } } }',
        { a: after },
      );
    const first = (await page()).data!.auditEvents;
    await appendMany(120);
    const second = (await page(first.pageInfo.endCursor)).data!.auditEvents;
    const seen = new Set(first.edges.map((e) => e.cursor));
    expect(second.edges.some((e) => seen.has(e.cursor))).toBe(false);
    expect(BigInt(second.edges[0]!.cursor)).toBeLessThan(BigInt(first.pageInfo.endCursor));
  });

  it('exports 100,000 events as JSON Lines and CSV, streamed, with flat memory (time: npm run bench:audit)', async () => {
    await appendMany(100_000, { note: 'bulk' });
    for (const format of ['jsonl', 'csv'] as const) {
      const heapBefore = process.memoryUsage().heapUsed;
      const res = await fetch(`${server.url}/api/audit/export?format=${format}&types=PrimaryAuthFailed`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      let lines = 0;
      let peak = 0;
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        lines += decoder.decode(chunk, { stream: true }).split('\n').length - 1;
        peak = Math.max(peak, process.memoryUsage().heapUsed - heapBefore);
      }
      expect(lines).toBeGreaterThanOrEqual(100_320 + (format === 'csv' ? 1 : 0));
      // The whole export is ~40 MB; streaming keeps the extra heap far below that.
      expect(peak).toBeLessThan(150 * 1024 * 1024);
    }
  });

  it('refuses an export without audit:read, and a bad filter with a clear message', async () => {
    const writer = await server.services.apiKeys.issue('writer', ['config:write'], ctx);
    const forbidden = await fetch(`${server.url}/api/audit/export`, { headers: { authorization: `Bearer ${writer.token}` } });
    expect(forbidden.status).toBe(403);
    const bad = await fetch(`${server.url}/api/audit/export?from=yesterday`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/ISO date-time/);
  });

  it('resumes a subscription after a dropped socket with no gap and no duplicate', async () => {
    const url = `${server.url.replace('http', 'ws')}/graphql`;
    const received: string[] = [];
    let last: string | undefined;
    const listen = (after?: string) => {
      const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      client.subscribe<{ authenticationEvents: { position: string; id: string } }>(
        { query: 'subscription($a: String) { authenticationEvents(after: $a) { position id } }', variables: { a: after } },
        { next: (m) => { received.push(m.data!.authenticationEvents.id); last = m.data!.authenticationEvents.position; }, error: () => undefined, complete: () => undefined },
      );
      return client;
    };
    let client = listen();
    await new Promise((r) => setTimeout(r, 200));
    await appendMany(30);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(30);
    await client.dispose(); // the socket drops
    await appendMany(25); // written while nobody listens
    client = listen(last);
    await appendMany(5);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(60);
    expect(new Set(received).size).toBe(60);
    await client.dispose();
  });
});
