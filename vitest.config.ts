import { defineConfig } from 'vitest/config';

// Three levels, each runnable alone (CONVENTIONS.md rule 6):
// unit = no I/O, int = real SQLite/Redis/slapd/SMTP on loopback, e2e = HTTP + browser.
const shared = { setupFiles: ['test/setup.ts'] };
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['**/*.unit.test.ts'], exclude: ['node_modules/**'] } },
      {
        test: {
          ...shared,
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['**/*.e2e.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
