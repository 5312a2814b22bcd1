import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandBus, createCommandHandler, streamId, type CommandContext } from '../api/commands';
import { createSealer } from '../api/crypto';
import { ENROLLMENT_URL_SEAL_CONTEXT, tokenPackDecider, type TokenPackEvent } from '../api/domain/token-pack';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { PermanentJobError, type JobQueue } from './job-queue';
import type { MailMessage, MailTransport } from './mail/mail-transport';
import { registerMailWorkers } from './register-mail-workers';
import { createSqliteJobQueue } from './sqlite-job-queue';
import { MAIL_QUEUE, TOKEN_PACK_MAIL_JOB, type TokenPackMailJob } from './token-pack-mail.reactor';

const ctx: CommandContext = { tenantId: 't1', actor: { kind: 'admin', id: 'a1' }, correlationId: 'corr-1', causationId: 'k1' };
const stream = streamId('tokenPack', 't1', 'tp');
const silent = { warn() {}, error() {} };
const expiresAt = '2030-01-15T00:00:00.000Z';

/** A transport that answers each try with the next scripted outcome, then accepts. */
function scriptedTransport(script: Array<Error | 'ok'>) {
  const tries: MailMessage[] = [];
  const transport: MailTransport = {
    async send(message) {
      tries.push(message);
      const next = script.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return { messageId: `<${message.idempotencyKey}@example.test>` };
    },
    async close() {},
  };
  return { transport, tries };
}

describe('token pack mail worker', () => {
  let dir: string;
  let store: EventStore;
  let queue: JobQueue;
  let workers: { close(): Promise<void> } | undefined;
  const sealer = createSealer(randomBytes(32));
  const execute = (s: EventStore) =>
    createCommandBus({ handle: createCommandHandler({ store: s, now: () => new Date('2030-01-01T00:00:00Z') }), progress: { waitFor: async () => {}, position: () => 0n, onAdvance: () => () => {} }, readWaitMs: 10 });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-tp-mail-'));
    store = createSqliteEventStore({ file: ':memory:' });
    queue = createSqliteJobQueue({ file: join(dir, 'jobs.sqlite'), logger: silent });
    const run = execute(store);
    await run(tokenPackDecider, stream, {
      type: 'CreateTokenPack', tokenPackId: 'tp', facts: { primaryDirectoryExists: true },
      settings: { name: 'Staff', icon: null, primaryDirectoryId: 'd1', theme: { primaryColor: '#112233', accentColor: '#445566' } },
    }, ctx);
    await run(tokenPackDecider, stream, {
      type: 'RequestSend', facts: { primaryDirectoryExists: true },
      sends: [{ sendId: 's1', email: 'ada@example.test', enrollmentUrl: sealer.seal('https://idp.example/enroll/t1/tp?t=x.y', ENROLLMENT_URL_SEAL_CONTEXT), expiresAt }],
    }, ctx);
  });
  afterEach(async () => {
    await workers?.close();
    await queue.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (transport: MailTransport, options: { store?: EventStore; now?: Date } = {}) => {
    const s = options.store ?? store;
    workers = registerMailWorkers({ queue, store: s, execute: execute(s), sealer, transport, mailFrom: 'countersign@example.test', now: () => options.now ?? new Date('2030-01-01T00:00:00Z'), logger: silent });
  };
  const enqueue = (jobId: string, attempts = 3) =>
    queue.enqueue<TokenPackMailJob>(MAIL_QUEUE, TOKEN_PACK_MAIL_JOB, { tenantId: 't1', tokenPackId: 'tp', sendId: 's1', email: 'ada@example.test' }, { jobId, attempts, backoffMs: 20 });
  const outcomes = async () =>
    ((await store.readStream(stream)) as unknown as Array<RecordedEvent & TokenPackEvent>).filter((e) => e.type === 'TokenPackEmailSent' || e.type === 'TokenPackEmailFailed');
  const settled = async (count: number) => {
    for (let i = 0; i < 200; i++) {
      const events = await outcomes();
      if (events.length >= count) return events;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`expected ${count} outcome events, got ${JSON.stringify(await outcomes())}`);
  };

  it('retries a transient failure, recording it, then records the send; every try is the same message', async () => {
    const { transport, tries } = scriptedTransport([new Error('The mail server 127.0.0.1:25 temporarily refused the message (451 4.3.0 busy).')]);
    start(transport);
    await enqueue('job-1');
    const events = await settled(2);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['TokenPackEmailFailed', { tokenPackId: 'tp', sendId: 's1', email: 'ada@example.test', reason: 'The mail server 127.0.0.1:25 temporarily refused the message (451 4.3.0 busy).', final: false }],
      ['TokenPackEmailSent', { tokenPackId: 'tp', sendId: 's1', email: 'ada@example.test', messageId: '<s1@example.test>' }],
    ]);
    expect(tries.map((t) => [t.to, t.idempotencyKey])).toEqual([['ada@example.test', 's1'], ['ada@example.test', 's1']]);
    expect(tries[0]!.text).toContain('https://idp.example/enroll/t1/tp?t=x.y');
    expect(events[1]!.metadata).toMatchObject({ actor: { kind: 'system', id: 'mail-worker' }, correlationId: 'corr-1' });
  });

  it('records the last failure as final when no try is left', async () => {
    const busy = () => new Error('The mail server 127.0.0.1:25 temporarily refused the message.');
    start(scriptedTransport([busy(), busy()]).transport);
    await enqueue('job-1', 2);
    expect((await settled(2)).map((e) => [e.type, (e.data as { final?: boolean }).final])).toEqual([
      ['TokenPackEmailFailed', false],
      ['TokenPackEmailFailed', true],
    ]);
  });

  it('gives up at once on a permanent refusal', async () => {
    start(scriptedTransport([new PermanentJobError('The mail server refused the recipient ada@example.test (550 5.1.1 unknown).')]).transport);
    await enqueue('job-1', 5);
    expect((await settled(1)).map((e) => e.data)).toEqual([
      { tokenPackId: 'tp', sendId: 's1', email: 'ada@example.test', reason: 'The mail server refused the recipient ada@example.test (550 5.1.1 unknown).', final: true },
    ]);
  });

  it('keeps internal errors out of the reason an admin sees', async () => {
    let failures = 1;
    const flaky: EventStore = { ...store, readStream: async (id) => (failures-- > 0 ? Promise.reject(new Error('SQLITE_BUSY: database is locked')) : store.readStream(id)) };
    start(scriptedTransport([]).transport, { store: flaky });
    await enqueue('job-1');
    const [failed, sent] = await settled(2);
    expect(failed!.data).toMatchObject({ reason: expect.stringMatching(/^Countersign could not send the email because of an internal error/), final: false });
    expect(sent!.type).toBe('TokenPackEmailSent');
  });

  it('sends nothing again for a send already sent, nor for a deleted pack', async () => {
    const { transport, tries } = scriptedTransport([]);
    start(transport);
    await enqueue('job-1');
    await settled(1);
    await enqueue('job-2');
    await execute(store)(tokenPackDecider, stream, { type: 'DeleteTokenPack' }, ctx);
    await enqueue('job-3');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tries).toHaveLength(1);
    expect(await outcomes()).toHaveLength(1);
  });

  it('fails for good, without mailing, when the link expired while the email waited', async () => {
    const { transport, tries } = scriptedTransport([]);
    start(transport, { now: new Date(expiresAt) });
    await enqueue('job-1');
    expect((await settled(1))[0]!.data).toMatchObject({ reason: expect.stringContaining('expired before the email could be sent'), final: true });
    expect(tries).toHaveLength(0);
  });
});
