import { writeFileSync } from 'node:fs';
import { printSchemaFile } from './print-schema';

/** `npm run schema:emit`: rewrites schema.graphql from the code. */
writeFileSync(new URL('../../schema.graphql', import.meta.url), await printSchemaFile());
console.log('schema.graphql written');
