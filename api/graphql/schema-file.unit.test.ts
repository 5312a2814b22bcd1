import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from './print-schema';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema:emit` and commit it when this fails)', async () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });
});
