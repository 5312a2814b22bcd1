import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One enrolled device as the authenticator keeps it: its private key never leaves this file. */
export interface StoredDevice {
  version: 1;
  serverUrl: string;
  tenantId: string;
  deviceId: string;
  username: string;
  name: string;
  tokenPack: string;
  /** ECDSA P-256 private key (JWK, with `d`). */
  privateKeyJwk: JsonWebKey;
  publicKeyJwk: JsonWebKey;
  totp: { secret: string; algorithm: string; digits: number; period: number };
  activatedAt: string;
}

/** `--store`, else `COUNTERSIGN_AUTHENTICATOR_STORE`, else `~/.countersign-authenticator`. */
export function storeDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? env.COUNTERSIGN_AUTHENTICATOR_STORE ?? join(homedir(), '.countersign-authenticator');
}

/** A new ECDSA P-256 key pair, made here on the device. */
export function newDeviceKeys(): { privateKeyJwk: JsonWebKey; publicKeyJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKeyJwk: privateKey.export({ format: 'jwk' }), publicKeyJwk: publicKey.export({ format: 'jwk' }) };
}

// Opened once per key: importing a JWK costs as much as the signature itself.
const privateKeys = new WeakMap<object, KeyObject>();

/** ECDSA P-256 / SHA-256 signature of `payload`, IEEE P1363 (r‖s) in base64url, as the server expects. */
export function signWith(device: Pick<StoredDevice, 'privateKeyJwk'>, payload: string): string {
  let key = privateKeys.get(device.privateKeyJwk);
  if (!key) privateKeys.set(device.privateKeyJwk, (key = createPrivateKey({ key: device.privateKeyJwk, format: 'jwk' })));
  return sign('sha256', Buffer.from(payload, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

/**
 * The folder of device files: created owner-only (0700), each device one JSON file (0600),
 * written whole or not at all. A file readable by others is refused, like ssh does.
 */
export function deviceStore(dir: string) {
  const fileOf = (deviceId: string) => join(dir, `device-${deviceId.replace(/[^A-Za-z0-9-]/g, '')}.json`);
  return {
    dir,
    save(device: StoredDevice): string {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      const file = fileOf(device.deviceId);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(device, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
      return file;
    },
    list(): StoredDevice[] {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => /^device-[A-Za-z0-9-]+\.json$/.test(f))
        .map((f) => {
          const file = join(dir, f);
          if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
            throw new Error(`${file} is readable by other users; run: chmod 600 ${file}`);
          }
          return JSON.parse(readFileSync(file, 'utf8')) as StoredDevice;
        })
        .sort((a, b) => a.activatedAt.localeCompare(b.activatedAt));
    },
    /** The device to use: the one named by `--device`, else the only one (or the newest). */
    pick(deviceId?: string): StoredDevice {
      const all = this.list();
      if (all.length === 0) throw new Error(`No device is enrolled in ${dir}; run: npm run authenticator -- enroll <link>`);
      if (!deviceId) return all[all.length - 1]!;
      const found = all.find((d) => d.deviceId === deviceId || d.deviceId.startsWith(deviceId));
      if (!found) throw new Error(`No device ${deviceId} in ${dir}.`);
      return found;
    },
  };
}
