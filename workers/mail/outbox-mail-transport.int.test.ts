import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailTransportContract, sampleMessage } from './mail-transport.contract';
import { createOutboxMailTransport, outboxFileName } from './outbox-mail-transport';

async function emlFiles(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.eml')).sort();
}

mailTransportContract('outbox', async () => {
  const root = await mkdtemp(join(tmpdir(), 'countersign-outbox-'));
  const folder = join(root, 'data', 'outbox');
  return {
    transport: createOutboxMailTransport({ folder }),
    delivered: async () => Promise.all((await emlFiles(folder)).map((name) => readFile(join(folder, name)))),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe('outbox mail transport', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'countersign-outbox-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('writes one file per idempotency key, however often or concurrently it is sent', async () => {
    const outbox = createOutboxMailTransport({ folder });
    await Promise.all([1, 2, 3].map(() => outbox.send(sampleMessage())));
    await outbox.send(sampleMessage({ subject: 'retried later' }));

    expect(await readdir(folder)).toEqual([outboxFileName(sampleMessage().idempotencyKey)]);
    const eml = await readFile(join(folder, outboxFileName(sampleMessage().idempotencyKey)), 'utf8');
    expect(eml).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(eml).toMatch(/^Content-Type: multipart\/related;/m);
    expect(eml).not.toContain('retried later');
  });

  it('names files after the key, safely for keys with path characters', () => {
    expect(outboxFileName('evt-5f0c:token-pack-email')).toMatch(/^evt-5f0c-token-pack-email-[0-9a-f]{16}\.eml$/);
    expect(outboxFileName('../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{16}\.eml$/);
    expect(outboxFileName('a/b')).not.toBe(outboxFileName('a:b'));
    expect(outboxFileName('////')).toMatch(/^mail-[0-9a-f]{16}\.eml$/);
  });
});
