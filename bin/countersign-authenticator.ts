import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { totpCode } from '../api/mfa/totp';
import { apiClient, ServerError } from './authenticator/api-client';
import { deviceStore, newDeviceKeys, storeDir, type StoredDevice } from './authenticator/device-store';
import { listen } from './authenticator/listen';

const USAGE = `Countersign command-line authenticator

  npm run authenticator -- enroll <token pack link> [--name <device name>] [--username <name>] [--password-stdin] [--code <activation code>]
  npm run authenticator -- list [--remote]
  npm run authenticator -- code [--device <id>]
  npm run authenticator -- listen [--approve-all | --deny-all | --report-fraud] [--count <n>] [--json] [--device <id>]
  npm run authenticator -- revoke <device id> [--device <id of this device>]

Options for every command:
  --store <dir>   where device keys live (default ~/.countersign-authenticator, or COUNTERSIGN_AUTHENTICATOR_STORE);
                  the folder is made owner-only (0700) and each device file 0600.

enroll   opens the link, signs you in to the token pack's directory (password from --password-stdin,
         COUNTERSIGN_PASSWORD, or a prompt), makes an ECDSA P-256 key pair here, and activates it: at once on
         a trusted network, otherwise with the activation code emailed to you (--code, or a prompt).
listen   keeps a live connection and shows each sign-in request. --approve-all approves each request
         with the number read from stdin, one line per sign-in ("<number>" or "<request id> <number>"),
         for tests and benchmarks; --deny-all / --report-fraud answer every request so.
code     prints the current 6-digit code for "enter a code instead".
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      code: { type: 'string' },
      device: { type: 'string' },
      remote: { type: 'boolean' },
      'approve-all': { type: 'boolean' },
      'deny-all': { type: 'boolean' },
      'report-fraud': { type: 'boolean' },
      count: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const store = deviceStore(storeDir(values.store, process.env));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const input = lineReader();

  switch (command) {
    case 'enroll': {
      if (!argument) throw new Error('Give the token pack link: npm run authenticator -- enroll <link>');
      const serverUrl = new URL(argument).origin;
      const api = apiClient(serverUrl);
      // 1. Open the link.
      const started = await api.call<{ enrollmentId: string; enrollmentKey: string; tenantId: string; tokenPack: { name: string }; directoryName: string | null }>('POST', '/api/enroll', { link: argument });
      const auth = { authorization: `Enrollment ${started.enrollmentKey}` };
      out(`Token pack "${started.tokenPack.name}": sign in with your ${started.directoryName ?? 'directory'} account.`);
      // 2. Sign in to the pack's directory.
      const username = values.username ?? (await input.ask('Username: '));
      const password = values['password-stdin'] ? await input.ask('') : (process.env.COUNTERSIGN_PASSWORD ?? (await input.ask('Password: ', true)));
      const signedIn = await api.call<{ status: 'READY_TO_ACTIVATE'; activationCode: string; trustedNetwork: string } | { status: 'ACTIVATION_CODE_SENT'; email: string }>(
        'POST', `/api/enroll/${encodeURIComponent(started.enrollmentId)}/sign-in`, { username, password }, auth);
      let code: string;
      if (signedIn.status === 'READY_TO_ACTIVATE') {
        out(`Signed in from trusted network "${signedIn.trustedNetwork}": activating now.`);
        code = signedIn.activationCode;
      } else {
        out(`Signed in. An activation code was emailed to ${signedIn.email}.`);
        code = values.code ?? (await input.ask('Activation code (or the text of its QR code): '));
      }
      // 3. Make the key pair here and activate it.
      const keys = newDeviceKeys();
      const name = values.name ?? `Command-line authenticator (${process.env.USER ?? 'user'})`;
      const activated = await api.call<{ deviceId: string; tenantId: string; username: string; totp: { secret: string; algorithm: string; digits: number; period: number } }>(
        'POST', `/api/enroll/${encodeURIComponent(started.enrollmentId)}/activate`, { code, publicKeyJwk: keys.publicKeyJwk, deviceName: name }, auth);
      const device: StoredDevice = {
        version: 1, serverUrl, tenantId: activated.tenantId, deviceId: activated.deviceId, username: activated.username, name, tokenPack: started.tokenPack.name,
        ...keys, totp: { secret: activated.totp.secret, algorithm: activated.totp.algorithm, digits: activated.totp.digits, period: activated.totp.period }, activatedAt: new Date().toISOString(),
      };
      const file = store.save(device);
      out(values.json ? JSON.stringify({ event: 'enrolled', deviceId: device.deviceId, file }) : `Device ${device.deviceId} activated for ${device.username}; its key is in ${file}.`);
      return 0;
    }
    case 'list': {
      const devices = store.list();
      if (!values.remote) {
        for (const d of devices) out(values.json ? JSON.stringify({ deviceId: d.deviceId, name: d.name, username: d.username, serverUrl: d.serverUrl }) : `${d.deviceId}  ${d.name}  ${d.username}@${d.serverUrl}`);
        if (devices.length === 0) out(`No device is enrolled in ${store.dir}.`);
        return 0;
      }
      const device = store.pick(values.device);
      const { devices: remote } = await apiClient(device.serverUrl).signedCall<{ devices: { deviceId: string; name: string; status: string; activatedAt: string }[] }>(device, 'GET', '/api/devices');
      for (const d of remote) out(values.json ? JSON.stringify(d) : `${d.deviceId}  ${d.status.padEnd(7)}  ${d.name}  (since ${d.activatedAt})${d.deviceId === device.deviceId ? '  ← this device' : ''}`);
      return 0;
    }
    case 'code': {
      const device = store.pick(values.device);
      const now = Date.now();
      const left = device.totp.period - Math.floor(now / 1000) % device.totp.period;
      out(values.json ? JSON.stringify({ code: totpCode(device.totp.secret, now), secondsLeft: left }) : `${totpCode(device.totp.secret, now)}  (${left} s left)`);
      return 0;
    }
    case 'listen': {
      const device = store.pick(values.device);
      const mode = values['approve-all'] ? 'approve' : values['deny-all'] ? 'deny' : values['report-fraud'] ? 'report-fraud' : 'prompt';
      input.close();
      return listen(device, { mode, json: Boolean(values.json), out, input: process.stdin, ...(values.count ? { count: Number(values.count) } : {}) });
    }
    case 'revoke': {
      if (!argument) throw new Error('Give the id of the device to revoke (see: list --remote).');
      const device = store.pick(values.device);
      await apiClient(device.serverUrl).signedCall(device, 'POST', `/api/devices/${encodeURIComponent(argument)}/revoke`, { reason: 'Revoked by the user from another device.' });
      out(`Device ${argument} revoked.`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** Reads answers line by line from stdin (piped or typed); a hidden prompt does not echo what is typed. */
function lineReader() {
  let muted = false;
  const output = new Writable({ write: (chunk, _enc, done) => (muted ? done() : process.stderr.write(chunk, () => done())) });
  let rl: ReturnType<typeof createInterface> | undefined;
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  const open = () => {
    if (rl) return rl;
    rl = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
    rl.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
    rl.on('close', () => waiting.splice(0).forEach((w) => w('')));
    return rl;
  };
  return {
    ask(prompt: string, hidden = false): Promise<string> {
      open();
      if (prompt) process.stderr.write(prompt);
      muted = hidden && Boolean(process.stdin.isTTY);
      return new Promise((resolve) => {
        const done = (line: string) => {
          if (muted) process.stderr.write('\n');
          muted = false;
          resolve(line.trim());
        };
        if (queue.length) done(queue.shift()!);
        else waiting.push(done);
      });
    },
    close() {
      rl?.close();
      rl = undefined;
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ServerError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
