import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaFile } from './print-schema';

/**
 * `npm run schema:emit` rewrites schema.graphql from the code; with `--check` it only says
 * whether the committed file is current (exit 1 when stale).
 */
const file = new URL('../../schema.graphql', import.meta.url);
const generated = await printSchemaFile();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== generated) {
    console.error('schema.graphql is stale: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is current');
} else {
  writeFileSync(file, generated);
  console.log('schema.graphql written');
}
