/**
 * A real SMTP server for integration tests, run as its own process by
 * `start-smtp-test-server.ts`. It stores each accepted message as `<n>.eml` (raw RFC 822)
 * with `<n>.json` beside it ({ envelope, secure, user }) in the folder given by --dir.
 *
 * Usage: tsx smtp-test-server.ts --dir <folder> [--port 0] [--reject <address>]...
 *        [--fail-first <n>] [--hold-first <n>] [--starttls] [--auth <user>:<password>]
 * - --reject: answer RCPT TO for that address with 550 (repeatable)
 * - --fail-first: answer the first n messages with 451 after DATA
 * - --hold-first: store the first n messages but never answer their DATA, as when the
 *   client dies before it hears the 250 (the message is then already on its way)
 * - --starttls: offer STARTTLS (self-signed certificate of smtp-server)
 * - --auth: require AUTH PLAIN/LOGIN with these credentials (535 otherwise)
 * Prints `LISTENING <port>` once ready; exits on SIGTERM.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string', default: '0' },
    reject: { type: 'string', multiple: true, default: [] },
    'fail-first': { type: 'string', default: '0' },
    'hold-first': { type: 'string', default: '0' },
    starttls: { type: 'boolean', default: false },
    auth: { type: 'string' },
  },
});
if (!args.dir) throw new Error('--dir <folder> is required');
const dir = args.dir;
const rejected = new Set(args.reject.map((address) => address.toLowerCase()));
let failuresLeft = Number(args['fail-first']);
let holdsLeft = Number(args['hold-first']);
const [user, password] = args.auth ? [args.auth.slice(0, args.auth.indexOf(':')), args.auth.slice(args.auth.indexOf(':') + 1)] : [];
let stored = 0;

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

async function store(raw: Buffer, session: SMTPServerSession): Promise<number> {
  const seq = ++stored;
  const name = String(seq).padStart(6, '0');
  const meta = {
    envelope: {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
    },
    secure: session.secure,
    user: session.user ?? null,
  };
  await writeFile(join(dir, `${name}.json`), JSON.stringify(meta));
  await writeFile(join(dir, `${name}.eml.tmp`), raw);
  await rename(join(dir, `${name}.eml.tmp`), join(dir, `${name}.eml`));
  return seq;
}

const server = new SMTPServer({
  logger: false,
  closeTimeout: 1000,
  disabledCommands: [...(args.starttls ? [] : ['STARTTLS']), ...(args.auth ? [] : ['AUTH'])],
  authOptional: !args.auth,
  allowInsecureAuth: true,
  size: 25 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
    else callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
  },
  onRcptTo(address, _session, callback) {
    if (rejected.has(address.address.toLowerCase())) {
      callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`));
    } else callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        callback(smtpError(451, '4.3.0 Temporary local problem, try again later'));
        return;
      }
      const hold = holdsLeft > 0;
      if (hold) holdsLeft--;
      store(Buffer.concat(chunks), session).then(
        (seq) => (hold ? undefined : callback(null, `2.0.0 Ok: queued as ${seq}`)),
        (error: Error) => callback(smtpError(451, `4.3.0 Could not store the message: ${error.message}`)),
      );
    });
  },
});

server.on('error', (error) => console.error('smtp-test-server:', error.message));
server.listen(Number(args.port), '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : args.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
