// SAML hot-path benchmark: Response build+sign and AuthnRequest parse+schema check.
// Run: npx tsx bench/saml.bench.ts  (the lead wires `npm run bench:saml`). Prints p50/p99 wall time,
// CPU time per operation (signing runs in libuv's thread pool; process CPU time counts it), ops/s, and heap before/after 100k iterations.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SignedXml } from 'xml-crypto';
import {
  buildOffice365Response,
  buildResponse,
  generateSigningKeyPair,
  loadSigningKey,
  parseAuthnRequest,
  type IdpSigningKey,
} from '../api/saml';
import {
  ENTRA_AUTHN_REQUEST,
  GENERIC_SP,
  IDP_CURRENT,
  contosoProfile,
  genericAuthnRequest,
  genericConnector,
  idpKey,
  office365Connector,
  postEncode,
  redirectEncode,
} from '../test/saml/fixtures/saml-fixtures';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ITERATIONS = Number(process.env.SAML_BENCH_ITERATIONS ?? 5000);
const SOAK = Number(process.env.SAML_BENCH_SOAK ?? 100_000);

async function measure(name: string, iterations: number, fn: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < Math.min(500, iterations); i++) await fn(i); // warm-up
  const samples = new Float64Array(iterations);
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  samples.sort();
  const pct = (p: number) => samples[Math.min(iterations - 1, Math.floor(p * iterations))]!.toFixed(3);
  const cpuPerOp = ((cpu.user + cpu.system) / 1000 / iterations).toFixed(3);
  console.log(
    `${name.padEnd(52)} n=${String(iterations).padStart(6)}  p50 ${pct(0.5)} ms  p99 ${pct(0.99)} ms  cpu ${cpuPerOp} ms/op  ${Math.round((iterations / wallMs) * 1000)} ops/s`,
  );
}

const NOW = new Date('2026-05-01T10:00:05Z');
const authn = { authnInstant: NOW, secondFactorPassed: true, sessionIndex: '_session' };
const o365 = (key: IdpSigningKey) => (i: number) =>
  buildOffice365Response({
    connector: office365Connector,
    signingKey: key,
    inResponseTo: `_req${i}`,
    user: { immutableId: contosoProfile['mS-DS-ConsistencyGuid'], upn: contosoProfile.userPrincipalName },
    authn,
    now: NOW,
    ids: { responseId: `_r${i}`, assertionId: `_a${i}` },
  });
const generic = genericConnector();
const genericBoth = (i: number) =>
  buildResponse({
    connector: generic,
    signingKey: idpKey,
    acsUrl: GENERIC_SP.acsUrl,
    inResponseTo: `_req${i}`,
    profile: { mail: 'jo@example.org', displayName: 'Jo <Example>', memberOf: ['staff', 'R&D'] },
    authn,
    now: NOW,
    ids: { responseId: `_r${i}`, assertionId: `_a${i}` },
  });
const entraPost = postEncode(ENTRA_AUTHN_REQUEST);
const richRedirect = redirectEncode(
  genericAuthnRequest({
    attrs: ' ForceAuthn="true" Destination="https://sso.countersign.example/saml/app/sso"',
    extra:
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>' +
      '<samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
  }),
);

console.log(`node ${process.version}, ${ITERATIONS} iterations per line\n`);
await measure('Office 365 response build+sign (RSA-2048, assertion)', ITERATIONS, o365(idpKey));
await measure('generic response build+sign (RSA-2048, both)', ITERATIONS, genericBoth);
const key3072 = loadSigningKey(await generateSigningKeyPair({ commonName: 'bench 3072', validityYears: 1, keySize: 3072 }));
await measure('Office 365 response build+sign (RSA-3072, assertion)', Math.min(ITERATIONS, 2000), o365(key3072));
await measure('AuthnRequest parse+schema (Entra, HTTP-POST)', ITERATIONS, () => parseAuthnRequest({ binding: 'post', samlRequest: entraPost }));
await measure('AuthnRequest parse+schema (generic, HTTP-Redirect)', ITERATIONS, () => parseAuthnRequest({ binding: 'redirect', samlRequest: richRedirect }));

// Reference point: the same assertion signed by xml-crypto (parse, c14n, sign), as samlify would.
const unsigned = (await o365(idpKey)(0)).xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
await measure('reference: xml-crypto signing the same assertion', Math.min(ITERATIONS, 1000), () => {
  const signer = new SignedXml({ privateKey: IDP_CURRENT.privateKeyPem, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  signer.addReference({ xpath: "//*[local-name(.)='Assertion']", transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  signer.computeSignature(unsigned, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  signer.getSignedXml();
});

const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
gc();
const before = process.memoryUsage().heapUsed;
const build = o365(idpKey);
for (let i = 0; i < SOAK; i++) {
  await build(i);
  parseAuthnRequest({ binding: 'post', samlRequest: entraPost });
}
gc();
const after = process.memoryUsage().heapUsed;
console.log(`\nheap after GC: ${mib(before)} MiB before, ${mib(after)} MiB after ${SOAK} build+parse iterations (${after - before >= 0 ? '+' : ''}${mib(after - before)} MiB)`);
