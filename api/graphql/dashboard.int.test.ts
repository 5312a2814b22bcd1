import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../eventstore';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer } from '../../test/support/start-test-server';

const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };
const HOUR = 3_600_000;

interface Stats {
  hours: number;
  signInsByHour: Array<{ hour: string; approved: number; denied: number; expired: number; failedFirstFactor: number }>;
  enrolledUsers: number;
  activeDevices: number;
  servicesRunning: number;
  servicesTotal: number;
  recentFraudReports: Array<{ occurredAt: string; username: string | null; serviceName: string | null; clientIp: string | null }>;
}

const QUERY = `query($h: Int) { dashboardStats(hours: $h) {
  hours signInsByHour { hour approved denied expired failedFirstFactor }
  enrolledUsers activeDevices servicesRunning servicesTotal
  recentFraudReports { occurredAt username serviceName clientIp correlationId }
} }`;

function event(type: string, at: Date, data: Record<string, unknown>, ip: string | null = '198.51.100.7'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { tenantId: 'default', actor: { kind: 'user', id: 'anonymous' }, correlationId: randomUUID(), causationId: randomUUID(), timestamp: at.toISOString(), ...(ip ? { ip } : {}) },
  };
}

function device(username: string, revoked = false): NewEvent[] {
  const deviceId = randomUUID();
  const userKey = `builtin:${username}`;
  const activated = event('DeviceActivated', new Date(), {
    deviceId, enrollmentId: randomUUID(), tokenPackId: randomUUID(), directoryConnectorId: 'builtin', username, userKey, name: `${username}'s phone`,
    publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, keyThumbprint: `thumb-${deviceId}`, totpSeed: { v: 1, c: 'sealed' }, email: null,
  });
  if (!revoked) return [activated];
  return [activated, event('DeviceRevoked', new Date(), { deviceId, userKey, by: { kind: 'admin', adminId: 'a1' }, reason: 'Lost' })];
}

describe('dashboardStats: sign-ins per hour, enrolments, services and fraud reports', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reader: ReturnType<typeof graphqlClient>;

  beforeAll(async () => {
    server = await startTestServer();
    reader = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('auditor', ['audit:read'], ctx)).token });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const append = async (stream: string, events: NewEvent[]) => {
    const { position } = await server.services.store.append(stream, events, 'no_stream');
    await server.services.progress.waitFor(position, 10_000);
  };

  it('starts empty: 24 zero buckets ending with the current hour, the starter service stopped', async () => {
    const { data, errors } = await reader.request<{ dashboardStats: Stats }>(QUERY);
    expect(errors).toBeUndefined();
    const stats = data!.dashboardStats;
    expect(stats.hours).toBe(24);
    expect(stats.signInsByHour).toHaveLength(24);
    const currentHour = Math.floor(Date.now() / HOUR) * HOUR;
    expect(Date.parse(stats.signInsByHour.at(-1)!.hour)).toBe(currentHour);
    expect(Date.parse(stats.signInsByHour[0]!.hour)).toBe(currentHour - 23 * HOUR);
    expect(stats.signInsByHour.every((b) => b.approved + b.denied + b.expired + b.failedFirstFactor === 0)).toBe(true);
    expect(stats).toMatchObject({ enrolledUsers: 0, activeDevices: 0, servicesRunning: 0, recentFraudReports: [] });
    expect(stats.servicesTotal).toBeGreaterThanOrEqual(1);
  });

  it('counts each outcome in the hour it happened and leaves out older sign-ins', async () => {
    const now = Date.now();
    const currentHour = Math.floor(now / HOUR) * HOUR;
    const thisHour = new Date(currentHour + 1000);
    const threeHoursAgo = new Date(currentHour - 3 * HOUR + 5 * 60_000);
    const twoDaysAgo = new Date(currentHour - 48 * HOUR);
    await append(`authentication-default-${randomUUID()}`, [
      event('PrimaryAuthFailed', thisHour, { username: 'ann', reason: 'INVALID_CREDENTIALS' }),
      event('PrimaryAuthFailed', thisHour, { username: 'ann', reason: 'INVALID_CREDENTIALS' }),
      event('AssertionIssued', thisHour, { username: 'ann', serviceId: 'svc-1' }),
      event('ChallengeDenied', threeHoursAgo, { challengeId: 'ch1', signInId: 's1', deviceId: 'd1', fraud: false }),
      event('ChallengeExpired', threeHoursAgo, { challengeId: 'ch2', signInId: 's2' }),
      event('AssertionIssued', threeHoursAgo, { username: 'ben', serviceId: 'svc-1' }),
      event('AssertionIssued', twoDaysAgo, { username: 'old', serviceId: 'svc-1' }),
      event('PrimaryAuthSucceeded', thisHour, { username: 'ann' }),
    ]);

    const stats = (await reader.request<{ dashboardStats: Stats }>(QUERY)).data!.dashboardStats;
    const at = (time: number) => stats.signInsByHour.find((b) => Date.parse(b.hour) === time);
    expect(at(currentHour)).toMatchObject({ approved: 1, denied: 0, expired: 0, failedFirstFactor: 2 });
    expect(at(currentHour - 3 * HOUR)).toMatchObject({ approved: 1, denied: 1, expired: 1, failedFirstFactor: 0 });
    const total = stats.signInsByHour.reduce((sum, b) => sum + b.approved + b.denied + b.expired + b.failedFirstFactor, 0);
    expect(total).toBe(6);

    // A 2-hour window keeps only the current hour and the one before it.
    const short = (await reader.request<{ dashboardStats: Stats }>(QUERY, { h: 2 })).data!.dashboardStats;
    expect(short.signInsByHour.map((b) => b.approved + b.failedFirstFactor)).toEqual([0, 3]);
    const bad = await reader.request(QUERY, { h: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('counts active devices and the users who hold them', async () => {
    await append(`device-default-${randomUUID()}`, device('ann'));
    await append(`device-default-${randomUUID()}`, device('ann'));
    await append(`device-default-${randomUUID()}`, device('ben'));
    await append(`device-default-${randomUUID()}`, device('cat', true));
    const stats = (await reader.request<{ dashboardStats: Stats }>(QUERY)).data!.dashboardStats;
    expect(stats).toMatchObject({ enrolledUsers: 2, activeDevices: 3 });
  });

  it('lists the five latest fraud reports, newest first, with user, service and client address', async () => {
    for (let i = 1; i <= 6; i += 1) {
      await append(`challenge-default-${randomUUID()}`, [
        event('FraudReported', new Date(Date.now() - (6 - i) * 60_000), {
          challengeId: `ch${i}`, signInId: `s${i}`, deviceId: 'd1', userKey: 'builtin:ann', username: `user${i}`, serviceName: 'Office 365', clientIp: `203.0.113.${i}`, browser: null,
        }, null),
      ]);
    }
    const stats = (await reader.request<{ dashboardStats: Stats }>(QUERY)).data!.dashboardStats;
    expect(stats.recentFraudReports.map((r) => r.username)).toEqual(['user6', 'user5', 'user4', 'user3', 'user2']);
    expect(stats.recentFraudReports[0]).toMatchObject({ serviceName: 'Office 365', clientIp: '203.0.113.6' });
  });

  it('needs audit:read', async () => {
    const writer = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('writer', ['config:write'], ctx)).token });
    const res = await writer.request(QUERY);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
