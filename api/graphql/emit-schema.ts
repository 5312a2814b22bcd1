import { readFileSync, writeFileSync } from 'node:fs';
import { buildCountersignSchema } from './build-schema';
import { printSchemaFile } from './print-schema';
import { undocumented } from './undocumented';

/**
 * `npm run schema:emit` rewrites schema.graphql from the code; with `--check` it only says
 * whether the committed file is current (exit 1 when stale); with `--undocumented` it lists the
 * types, fields, enum values and root-field arguments that have no description (exit 1 if any).
 */
const file = new URL('../../schema.graphql', import.meta.url);
if (process.argv.includes('--undocumented')) {
  const missing = undocumented(await buildCountersignSchema());
  if (missing.length) {
    console.error(`${missing.length} schema element(s) have no description:\n${missing.join('\n')}`);
    process.exit(1);
  }
  console.log('every type, field, enum value and root-field argument has a description');
} else {
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
}
