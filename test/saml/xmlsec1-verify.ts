// Independent signature check with Debian's xmlsec1 (libxmlsec1 + OpenSSL).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Result of one `xmlsec1 --verify` run. */
export interface Xmlsec1Result {
  ok: boolean;
  exitCode: number;
  output: string;
}

/**
 * Writes the XML and the certificate to a temp folder and runs
 * `xmlsec1 --verify --pubkey-cert-pem cert.pem --id-attr:ID urn:oasis:names:tc:SAML:2.0:assertion:Assertion file.xml`
 * (plus the Response ID attribute). By default xmlsec1 checks the first ds:Signature in document
 * order; `signatureOf: 'assertion'` selects the assertion's signature when the Response is signed too.
 */
export async function xmlsec1Verify(xml: string, certificatePem: string, options: { signatureOf?: 'first' | 'assertion' } = {}): Promise<Xmlsec1Result> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-xmlsec1-'));
  try {
    const certFile = join(dir, 'cert.pem');
    const xmlFile = join(dir, 'file.xml');
    await writeFile(certFile, certificatePem);
    await writeFile(xmlFile, xml);
    const args = [
      '--verify',
      '--pubkey-cert-pem', certFile,
      '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
      '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response',
    ];
    if (options.signatureOf === 'assertion') {
      args.push('--node-xpath', "/*[local-name()='Response']/*[local-name()='Assertion']/*[local-name()='Signature']");
    }
    args.push(xmlFile);
    try {
      const { stdout, stderr } = await run('xmlsec1', args, { timeout: 20_000 });
      return { ok: true, exitCode: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code?: number | string; stdout?: string; stderr?: string };
      if (e.code === 'ENOENT') throw new Error('xmlsec1 is not installed (apt-get install xmlsec1)');
      return { ok: false, exitCode: typeof e.code === 'number' ? e.code : -1, output: (e.stdout ?? '') + (e.stderr ?? '') };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
