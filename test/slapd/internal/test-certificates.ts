import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Paths of the throw-away PKI a test slapd serves TLS with. */
export interface TestCertificates {
  caCertFile: string;
  caPem: string;
  serverCertFile: string;
  serverKeyFile: string;
}

/**
 * Makes a private CA and a server certificate for 127.0.0.1 and localhost with openssl, valid
 * for a year (so the connection test has no expiry warning to give). EC P-256 keys keep generation well under 100 ms.
 */
export async function makeTestCertificates(folder: string): Promise<TestCertificates> {
  const caKey = join(folder, 'ca.key');
  const caCertFile = join(folder, 'ca.pem');
  const serverKeyFile = join(folder, 'server.key');
  const csr = join(folder, 'server.csr');
  const serverCertFile = join(folder, 'server.pem');
  const extFile = join(folder, 'server.ext');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  await run('openssl', [
    'req', '-x509', ...ec, '-keyout', caKey, '-out', caCertFile, '-days', '365',
    '-subj', '/O=Countersign Tests/CN=Countersign Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['req', ...ec, '-keyout', serverKeyFile, '-out', csr, '-subj', '/O=Countersign Tests/CN=localhost']);
  await writeFile(
    extFile,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ].join('\n'),
  );
  await run('openssl', [
    'x509', '-req', '-in', csr, '-CA', caCertFile, '-CAkey', caKey, '-CAcreateserial',
    '-out', serverCertFile, '-days', '365', '-extfile', extFile,
  ]);
  return { caCertFile, caPem: await readFile(caCertFile, 'utf8'), serverCertFile, serverKeyFile };
}
