import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/support/start-test-server';

/** The authenticator API refuses a client address that keeps sending what it must refuse. */
describe('authenticator API: refused requests per client address', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('after 60 forged links or signatures from one address, even a well-formed request waits, with Retry-After', async () => {
    for (let i = 0; i < 30; i++) {
      const forged = await post('/api/enroll', { link: `${server.url}/enroll/t/p?t=forged${i}.x` });
      expect(forged.status).toBe(400);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('ENROLLMENT_LINK_INVALID');
      const answer = await post(`/api/challenges/c-${i}/answer`, { deviceId: 'no-such-device', decision: 'approve', number: 42, signature: 'x'.repeat(86) });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    const limited = await post('/api/enroll', { link: `${server.url}/enroll/t/p?t=another.x` });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/Try again in \d+ minute/);
  });
});
