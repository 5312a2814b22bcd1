import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/countersign-authenticator.ts');

/** One line the command-line authenticator printed with --json (or `{event: 'text', text}`). */
export type Line = Record<string, unknown>;

/** The command-line authenticator as a child process with its key store in `store`, its stdout read as JSON lines. */
export function cliAuthenticator(store: string, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', CLI, ...args, '--store', store, '--json'], { cwd: ROOT, env: { ...process.env } });
  const lines: Line[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as Line);
    } catch {
      lines.push({ event: 'text', text });
    }
    for (const w of waiters) w();
  });
  const exit = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
  return {
    child,
    lines,
    exit,
    stderr: () => stderr,
    write: (line: string) => child.stdin.write(`${line}\n`),
    /** The first line (seen or to come) after `from` that matches. */
    waitFor(match: (line: Line) => boolean, from = 0, timeoutMs = 20_000): Promise<Line> {
      return new Promise((done, fail) => {
        const check = () => {
          const found = lines.slice(from).find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            done(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`authenticator printed no matching line; stdout ${JSON.stringify(lines)}; stderr ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
