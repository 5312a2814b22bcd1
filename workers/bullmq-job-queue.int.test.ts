import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { createBullMqJobQueue } from './bullmq-job-queue';
import { jobQueueContract } from './job-queue.contract';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function isReachable(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
}

const reachable = await isReachable(redisUrl);
if (!reachable) {
  console.warn(`SKIPPED: the BullMQ job queue contract needs Redis, and none answers at ${redisUrl}.`);
}

describe.skipIf(!reachable)('BullMQ adapter (Redis at ' + redisUrl + ')', () => {
  jobQueueContract('BullMQ', async () => {
    const prefix = `countersign-test-${randomUUID()}`;
    return {
      open: (options) => createBullMqJobQueue({ connection: redisUrl, prefix, ...options }),
      cleanup: () => deleteKeys(redisUrl, prefix),
    };
  });
});
