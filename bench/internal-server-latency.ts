/**
 * Server-side latency per sign-in step, read from the server's own histogram
 * (`countersign_http_request_duration_seconds` on /metrics, one `route` label per step):
 * the time from the request reaching the server's HTTP handler to its response being
 * written, without the load generator's own queueing. Quantiles come out as the histogram
 * bucket they fall in ("≤ 50 ms"), which is as fine as the buckets around the 50 ms goal.
 */
type Buckets = Map<string, Map<number, number>>; // route → upper bound (s) → cumulative count

export async function readLatencyBuckets(serverUrl: string): Promise<Buckets> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const buckets: Buckets = new Map();
  for (const line of text.split('\n')) {
    const match = /^countersign_http_request_duration_seconds_bucket\{([^}]*)\} (\d+)/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
    if (!buckets.has(labels.route!)) buckets.set(labels.route!, new Map());
    buckets.get(labels.route!)!.set(le, Number(match[2]));
  }
  return buckets;
}

/** Requests of `route` between two readings, and the bucket bound (ms) holding each quantile. */
export function latencyBetween(before: Buckets, after: Buckets, route: string, quantiles: number[]): { count: number; boundsMs: number[] } {
  const end = after.get(route) ?? new Map<number, number>();
  const start = before.get(route) ?? new Map<number, number>();
  const bounds = [...end.keys()].sort((a, b) => a - b);
  const cumulative = bounds.map((le) => end.get(le)! - (start.get(le) ?? 0));
  const count = cumulative[cumulative.length - 1] ?? 0;
  const boundsMs = quantiles.map((q) => {
    const i = cumulative.findIndex((c) => c >= q * count);
    return i < 0 ? NaN : bounds[i]! * 1000;
  });
  return { count, boundsMs };
}

export const formatBound = (ms: number) => (Number.isFinite(ms) ? `≤ ${ms} ms` : '> 2500 ms');
