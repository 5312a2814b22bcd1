import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SmtpTestServerOptions {
  /** Recipients answered with 550 at RCPT TO. */
  rejectRecipients?: string[];
  /** How many messages, from the first, are answered with 451 after DATA. */
  failFirst?: number;
  /** How many messages, from the first, are stored but never answered after DATA. */
  holdFirst?: number;
  /** Offer STARTTLS with smtp-server's self-signed certificate. */
  starttls?: boolean;
  /** Require a login with these credentials. */
  auth?: { user: string; password: string };
}

/** A message the server accepted. */
export interface ReceivedMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  /** True when it came over TLS (STARTTLS). */
  secure: boolean;
  /** The login it came with, if any. */
  user: string | null;
}

export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>`, without credentials. */
  url: string;
  port: number;
  /** Messages accepted so far, oldest first. */
  readMessages(): Promise<ReceivedMessage[]>;
  /** Stops the process and deletes the stored messages. */
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./smtp-test-server.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `smtp-test-server.ts` as a child process on a free loopback port. */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-smtp-'));
  const args = ['--import', 'tsx', serverScript, '--dir', dir, '--fail-first', String(options.failFirst ?? 0), '--hold-first', String(options.holdFirst ?? 0)];
  for (const address of options.rejectRecipients ?? []) args.push('--reject', address);
  if (options.starttls) args.push('--starttls');
  if (options.auth) args.push('--auth', `${options.auth.user}:${options.auth.password}`);

  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the SMTP test server did not start in time\n${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`the SMTP test server exited (${code}) before listening\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^LISTENING (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    async readMessages() {
      const names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
      return Promise.all(
        names.map(async (name) => {
          const meta = JSON.parse(await readFile(join(dir, name.replace(/\.eml$/, '.json')), 'utf8'));
          return { raw: await readFile(join(dir, name)), ...meta } as ReceivedMessage;
        }),
      );
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
