import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('schema.graphql', () => {
  // Run in plain Node: inside vitest, graphql would load as both ESM and CJS.
  it('is what the code generates (run `npm run schema:emit` and commit it when this fails)', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'api/graphql/emit-schema.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(output).toContain('schema.graphql is current');
  });
});
