// First-factor sign-in benchmark against a real slapd holding 10,000 users.
//   npx tsx bench/ldap.bench.ts [--seconds 15] [--concurrency 16] [--security STARTTLS|LDAPS|NONE] [--connections 8]
// Prints sign-ins per second, p50/p99 latency and the open connections to slapd before, during
// and after the run. Target on a 2-core machine: >= 1,000 sign-ins/s, p99 < 20 ms, flat connections.
import { parseArgs } from 'node:util';

import { createLdapDirectory } from '../api/directory';
import { generatedUserName, generatedUserPassword } from '../test/slapd/fixture-users';
import { establishedConnectionsTo } from '../test/slapd/open-connections';
import { slapdConnectorConfig } from '../test/slapd/slapd-connector-config';
import { startSlapd } from '../test/slapd/start-slapd';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
    security: { type: 'string', default: 'STARTTLS' },
    connections: { type: 'string', default: '8' },
    users: { type: 'string', default: '10000' },
    threads: { type: 'string', default: '2' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const users = Number(values.users);
const security = values.security!.toUpperCase();

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const startedSlapd = performance.now();
const slapd = await startSlapd({ users, threads: Number(values.threads) });
console.log(`slapd with ${users.toLocaleString('en')} users started in ${Math.round(performance.now() - startedSlapd)} ms (${slapd.ldapUrl}, ${slapd.ldapsUrl})`);
const port = security === 'LDAPS' ? slapd.ldapsPort : slapd.ldapPort;
const directory = createLdapDirectory(slapdConnectorConfig(slapd, { security, port }), { maxConnections: Number(values.connections) });

try {
  const before = establishedConnectionsTo(port);
  let failures = 0;
  const signIn = async (): Promise<number> => {
    const name = generatedUserName(1 + Math.floor(Math.random() * users));
    const started = performance.now();
    const result = await directory.authenticate(name, generatedUserPassword);
    if (!result.ok) {
      failures++;
      if (failures <= 3) console.error(`sign-in of ${name} failed: ${result.reason} ${result.adminMessage}`);
    }
    return performance.now() - started;
  };
  const run = async (durationMs: number, latencies?: number[]): Promise<void> => {
    const deadline = performance.now() + durationMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const ms = await signIn();
          latencies?.push(ms);
        }
      }),
    );
  };

  await run(1_000);
  const warm = establishedConnectionsTo(port);
  const createdAfterWarmUp = directory.stats();
  const latencies: number[] = [];
  let peak = warm;
  const sampler = setInterval(() => {
    peak = Math.max(peak, establishedConnectionsTo(port));
  }, 250);
  const started = performance.now();
  await run(seconds * 1_000, latencies);
  const elapsed = (performance.now() - started) / 1_000;
  clearInterval(sampler);
  const end = establishedConnectionsTo(port);
  const stats = directory.stats();
  await directory.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const closed = establishedConnectionsTo(port);

  const sorted = Float64Array.from(latencies).sort();
  const rate = latencies.length / elapsed;
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const opened = stats.search.created + stats.bind.created - createdAfterWarmUp.search.created - createdAfterWarmUp.bind.created;
  console.log(`security ${security}, concurrency ${concurrency}, pool max ${values.connections} per pool, ${elapsed.toFixed(1)} s measured after 1 s warm-up`);
  console.log(`sign-ins: ${latencies.length.toLocaleString('en')} (${failures} failed)  ->  ${Math.round(rate).toLocaleString('en')} sign-ins/s`);
  console.log(`latency: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms`);
  console.log(`open connections to slapd: before ${before}, after warm-up ${warm}, peak during run ${peak}, at end ${end}, after close() ${closed}; opened during run ${opened}`);
  const verdict = rate >= 1_000 && p99 < 20 && peak <= warm && opened === 0 && failures === 0;
  console.log(verdict ? 'target met: >= 1,000 sign-ins/s, p99 < 20 ms, no connection growth' : 'TARGET MISSED (>= 1,000 sign-ins/s, p99 < 20 ms, no connection growth, no failures)');
} finally {
  await directory.close();
  await slapd.stop();
}
