import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildCountersignSchema } from './build-schema';

/** The committed schema.graphql text: sorted so it changes only when the API does. */
export async function printSchemaFile(): Promise<string> {
  const schema = await buildCountersignSchema();
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
