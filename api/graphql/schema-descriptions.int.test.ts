import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('schema.graphql descriptions', () => {
  // Run in plain Node: inside vitest, graphql would load as both ESM and CJS.
  it('cover every type, field, enum value and root-field argument (a failure lists what lacks one)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/graphql/emit-schema.ts', '--undocumented'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr, run.stderr).not.toContain('have no description');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('has a description');
  });
});
