// Starts a test slapd and keeps it running until Ctrl-C, for poking at it by hand:
//   npx tsx test/slapd/run-slapd.ts [users]
//   LDAPTLS_CACERT=<printed ca.pem path> ldapsearch -H <ldapUrl> -ZZ -D <bindDn> -w <bindPassword> -b <baseDn> uid=alice
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { fixtureUsers, generatedUserPassword } from './fixture-users';
import { startSlapd } from './start-slapd';

const slapd = await startSlapd({ users: Number(process.argv[2] ?? 100) });
const caFile = join(tmpdir(), `countersign-test-ca-${slapd.ldapPort}.pem`);
writeFileSync(caFile, slapd.caPem);
const { stop, caPem: _caPem, ...details } = slapd;
console.log(JSON.stringify({ ...details, caFile, alicePassword: fixtureUsers.alice.password, generatedUserPassword }, null, 2));
console.log('slapd is running; Ctrl-C stops it.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
