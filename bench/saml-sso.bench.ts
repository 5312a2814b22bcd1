/**
 * Complete SAML sign-ins through the real HTTP endpoints: AuthnRequest (HTTP-POST) →
 * password page → first factor against a local slapd with 10,000 users → signed Response.
 *   npx tsx bench/saml-sso.bench.ts [--seconds 20] [--concurrency 24]
 * Prints sign-ins/s, p50/p99 per step as the client sees it, the server's CPU ms per
 * sign-in, and its live heap (after GC) and RSS at the start and end (run with --seconds 300 for the 5-minute
 * memory check). Target on a 2-core machine: >= 400 sign-ins/s with everything on it.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { graphqlClient } from '../test/support/graphql-client';
import { formAction, ssoClient } from '../test/support/sso-client';
import { generatedUserName, generatedUserPassword } from '../test/slapd/fixture-users';
import { startSlapd } from '../test/slapd/start-slapd';
import { TEST_ADMIN } from '../test/support/start-test-server';
import { startServerProcess } from './internal-server-process';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '24' }, users: { type: 'string', default: '10000' } } });
const seconds = Number(values.seconds);
const users = Number(values.users);
const SP = { entityId: 'https://bench-sp.example.test/metadata', acsUrl: 'https://bench-sp.example.test/acs' };

const slapd = await startSlapd({ users, threads: 2 });
const server = await startServerProcess();
const admin = graphqlClient(server.url);
await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
const must = <T>(r: { data?: T; errors?: unknown }) => {
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const directory = must(await admin.request<{ createDirectoryConnector: { id: string } }>('mutation($i: DirectoryConnectorInput!) { createDirectoryConnector(input: $i) { id } }', {
  i: { name: 'Bench slapd', type: 'OPENLDAP', hosts: ['127.0.0.1'], port: slapd.ldapPort, security: 'STARTTLS', caCertificatePem: slapd.caPem, baseDn: slapd.baseDn, bindDn: slapd.bindDn, bindPassword: slapd.bindPassword, upnProperty: 'userPrincipalName', immutableIdProperty: 'objectGUID' },
})).createDirectoryConnector;
const connector = must(await admin.request<{ createSamlConnector: { id: string } }>('mutation($i: SamlConnectorInput!) { createSamlConnector(input: $i) { id } }', {
  i: { kind: 'GENERIC', name: 'Bench SP', spEntityId: SP.entityId, spAssertionConsumerServices: [{ url: SP.acsUrl }], nameIdFormat: 'EMAIL_ADDRESS', nameIdSourceAttribute: 'mail', signAssertion: true, signResponse: false },
})).createSamlConnector;
const service = must(await admin.request<{ createService: { id: string } }>('mutation($i: ServiceInstanceInput!) { createService(input: $i) { id } }', {
  i: { name: 'Bench app', directoryConnectorId: directory.id, samlConnectorId: connector.id, secondFactor: 'OFF' },
})).createService;
must(await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: service.id }));

const request = () =>
  Buffer.from(`<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${SP.entityId}</saml:Issuer></samlp:AuthnRequest>`).toString('base64');

const steps = { request: [] as number[], page: [] as number[], password: [] as number[], total: [] as number[] };
let completed = 0;
let failed = 0;
async function signIn(record: boolean) {
  const browser = ssoClient(server.url);
  const t0 = performance.now();
  const start = await browser.postForm(`/saml/${service.id}/sso`, { SAMLRequest: request(), RelayState: 'bench' });
  const t1 = performance.now();
  const location = start.headers.get('location');
  if (start.status !== 303 || !location) return void failed++;
  const page = await (await browser.get(location)).text();
  const t2 = performance.now();
  const user = generatedUserName(1 + Math.floor(Math.random() * users));
  const answer = await browser.postForm(formAction(page)!, { username: user, password: generatedUserPassword });
  const html = await answer.text();
  const t3 = performance.now();
  if (answer.status !== 200 || !html.includes('SAMLResponse')) {
    if (failed++ < 3) console.error(`sign-in of ${user} failed with HTTP ${answer.status}`);
    return;
  }
  if (!record) return;
  completed++;
  steps.request.push(t1 - t0);
  steps.page.push(t2 - t1);
  steps.password.push(t3 - t2);
  steps.total.push(t3 - t0);
}
async function run(ms: number, record: boolean) {
  const deadline = performance.now() + ms;
  await Promise.all(Array.from({ length: Number(values.concurrency) }, async () => { while (performance.now() < deadline) await signIn(record); }));
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
await run(3_000, false);
// Live memory is the V8 heap after a full collection (forced through the server's inspector
// once a minute); the heap in use between collections is mostly garbage, and RSS follows how
// much old space V8 chooses to keep committed at this allocation rate.
const rssBefore = server.rssBytes();
const liveHeap = [await server.heapAfterGc()];
const cpuBefore = server.cpuMs();
const started = performance.now();
const rssSamples: number[] = [];
const rssSampler = setInterval(() => rssSamples.push(server.rssBytes()), 10_000);
const heapSampler = setInterval(() => void server.heapAfterGc().then((h) => liveHeap.push(h)), 60_000);
await run(seconds * 1000, true);
clearInterval(rssSampler);
clearInterval(heapSampler);
const elapsed = (performance.now() - started) / 1000;
const cpuMs = server.cpuMs() - cpuBefore;
const rssAfter = server.rssBytes();
liveHeap.push(await server.heapAfterGc());

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.log(`\nSAML sign-ins through HTTP (POST AuthnRequest → password page → LDAP first factor over STARTTLS → signed Response), ${seconds} s, ${values.concurrency} concurrent:`);
console.log(`  ${Math.round(completed / elapsed)} sign-ins/s (${completed} complete, ${failed} failed)`);
for (const [step, xs] of Object.entries(steps)) console.log(`  ${step.padEnd(9)} p50 ${pct(xs, 50).toFixed(1)} ms   p99 ${pct(xs, 99).toFixed(1)} ms`);
console.log(`  server CPU: ${(cpuMs / completed).toFixed(2)} ms per sign-in (${Math.round(cpuMs / 10 / elapsed)}% of one core)`);
console.log(`  server memory: live V8 heap after GC ${liveHeap.map(mb).join(' → ')} (start, every 60 s, end); RSS ${mb(rssBefore)} → ${mb(rssAfter)}`);
// A long run (--seconds 300) shows whether memory levels off: caches fill, then stay.
if (rssSamples.length > 1) console.log(`  RSS every 10 s: ${rssSamples.map(mb).join(', ')}`);
console.log(`  target >= 400 sign-ins/s: ${completed / elapsed >= 400 ? 'met' : 'MISSED'}`);
await server.stop();
await slapd.stop();
process.exit(0);
