#!/usr/bin/env node
// Builds the dashboard bundle when web/dist is missing or older than any source file, so
// `npm start` right after `npm ci` serves a current UI without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'web/dist/index.html');
const sources = [join(root, 'web/src'), join(root, 'web/index.html'), join(root, 'web/vite.config.ts'), join(root, 'web/public')];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
if (built === 0 || sources.some((s) => newest(s) > built)) {
  console.log(built === 0 ? 'Building the web dashboard (first run)...' : 'Web sources changed; rebuilding the dashboard...');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
