// Full XSD validation (libxml2 compiled to WASM) against the OASIS SAML 2.0 protocol/assertion
// schemas shipped by @authenio/samlify-xmllint-wasm. Slow (~100 ms per call): tests only, never
// on the hot path.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);
const schemaDir = join(dirname(require.resolve('@authenio/samlify-xmllint-wasm/package.json')), 'schemas');
const load = (fileName: string) => ({ fileName, contents: readFileSync(join(schemaDir, fileName), 'utf8') });
const protocol = load('saml-schema-protocol-2.0.xsd');
const preload = ['saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'xenc-schema.xsd', 'XMLSchema.dtd', 'datatypes.dtd'].map(load);

/** Validates a SAML protocol message; returns the libxml2 error messages (empty when valid). */
export async function samlXsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'message.xml', contents: xml }], schema: [protocol], preload, extension: 'schema' });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
