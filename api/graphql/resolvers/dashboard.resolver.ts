import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { validationError } from '../../errors';
import { tenantOf, type GraphQLContext } from '../context';
import { DashboardStats, type FraudReport, type SignInHour } from '../types/dashboard.type';

const HOUR_MS = 3_600_000;

/** Audit event types counted per hour, and the bucket field each one adds to. */
const SIGN_IN_COUNTERS = {
  AssertionIssued: 'approved',
  ChallengeDenied: 'denied',
  ChallengeExpired: 'expired',
  PrimaryAuthFailed: 'failedFirstFactor',
} as const satisfies Record<string, keyof Omit<SignInHour, 'hour'>>;

/** The hour a timestamp falls in, as SQLite's strftime writes it (and as the buckets are keyed). */
const hourKey = (date: Date) => `${date.toISOString().slice(0, 13)}:00:00Z`;

@Resolver()
export class DashboardResolver {
  @Authorized('audit:read')
  @Query(() => DashboardStats, { description: 'Sign-ins per hour, enrolled users and devices, running services and the latest fraud reports, for the dashboard.' })
  dashboardStats(
    @Arg('hours', () => Int, { defaultValue: 24, description: 'How many hours of sign-ins, ending with the current one, 1 to 168.' }) hours: number,
    @Ctx() ctx: GraphQLContext,
  ): DashboardStats {
    if (hours < 1 || hours > 168) throw validationError({ hours: 'ask for between 1 and 168 hours' });
    const db = ctx.services.readDb;
    const tenant = tenantOf(ctx);
    const currentHour = Math.floor(ctx.services.now().getTime() / HOUR_MS) * HOUR_MS;
    const from = new Date(currentHour - (hours - 1) * HOUR_MS);

    const buckets = new Map<string, SignInHour>();
    for (let i = 0; i < hours; i += 1) {
      const hour = new Date(from.getTime() + i * HOUR_MS);
      buckets.set(hourKey(hour), { hour, approved: 0, denied: 0, expired: 0, failedFirstFactor: 0 });
    }
    const types = Object.keys(SIGN_IN_COUNTERS);
    const counted = db
      .prepare(
        `SELECT strftime('%Y-%m-%dT%H:00:00Z', occurred_at) AS hour, type, COUNT(*) AS n FROM audit_events
         WHERE tenant_id = ? AND occurred_at >= ? AND type IN (${types.map(() => '?').join(', ')})
         GROUP BY hour, type`,
      )
      .all(tenant, from.toISOString(), ...types) as Array<{ hour: string; type: keyof typeof SIGN_IN_COUNTERS; n: number }>;
    for (const row of counted) {
      const bucket = buckets.get(row.hour);
      // Events stamped after "now" (clock skew) have no bucket and are left out.
      if (bucket) bucket[SIGN_IN_COUNTERS[row.type]] += row.n;
    }

    const devices = db
      .prepare("SELECT COUNT(*) AS devices, COUNT(DISTINCT user_key) AS users FROM devices WHERE tenant_id = ? AND status = 'ACTIVE'")
      .get(tenant) as { devices: number; users: number };
    const services = db
      .prepare("SELECT COUNT(*) AS total, COALESCE(SUM(state = 'STARTED'), 0) AS running FROM services WHERE tenant_id = ?")
      .get(tenant) as { total: number; running: number };
    const fraud = db
      .prepare("SELECT occurred_at, username, service_id, ip, data, correlation_id FROM audit_events WHERE tenant_id = ? AND type = 'FraudReported' ORDER BY position DESC LIMIT 5")
      .all(tenant) as Array<{ occurred_at: string; username: string | null; service_id: string | null; ip: string | null; data: string; correlation_id: string }>;

    return {
      hours,
      signInsByHour: [...buckets.values()],
      enrolledUsers: devices.users,
      activeDevices: devices.devices,
      servicesRunning: services.running,
      servicesTotal: services.total,
      recentFraudReports: fraud.map((row): FraudReport => {
        const data = JSON.parse(row.data) as { serviceName?: unknown; clientIp?: unknown };
        return {
          occurredAt: new Date(row.occurred_at),
          username: row.username,
          serviceId: row.service_id,
          serviceName: typeof data.serviceName === 'string' ? data.serviceName : null,
          // The phone reports the fraud, so the browser's address is in the data, not the request.
          clientIp: typeof data.clientIp === 'string' ? data.clientIp : row.ip,
          correlationId: row.correlation_id,
        };
      }),
    };
  }
}
