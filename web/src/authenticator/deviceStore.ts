import type { StoredPin } from './pinLock';

/** What a token pack asks of the web authenticator before each approval. */
export type LocalUnlockPolicy = 'NONE' | 'PIN_OR_BIOMETRIC';

/** The token pack's look, kept with the device so the app stays branded after enrolment. */
export interface PackLook {
  name: string;
  theme: { primaryColor: string; accentColor: string; logoUrl?: string | null };
  localUnlock: LocalUnlockPolicy;
}

/** How this device is unlocked before an approval (only when the pack asks for it). */
export interface UnlockSettings {
  pin: StoredPin | null;
  /** Raw id of a platform WebAuthn credential with user verification, when the user chose it. */
  biometricCredentialId: string | null;
  /** Wrong PINs in a row, and until when (ms) the next try must wait. */
  failures: number;
  lockedUntil: number;
}

/**
 * The enrolled device as this browser keeps it in IndexedDB. The CryptoKeys are stored by
 * structured clone and were made non-extractable: the private key and the TOTP seed can be
 * used here but never read back out.
 */
export interface StoredDevice {
  deviceId: string;
  tenantId: string;
  username: string;
  name: string;
  pack: PackLook;
  privateKey: CryptoKey;
  totpKey: CryptoKey;
  totp: { digits: number; period: number };
  unlock: UnlockSettings;
  /** Whether Web Push is set up (pending until tried once after activation); when off the page must stay open for requests. */
  push: 'pending' | 'on' | 'off';
  activatedAt: string;
  /** Set when the server said the device was revoked. */
  revokedAt?: string;
}

const DB = 'countersign-authenticator';
const STORE = 'device';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** This browser's one enrolled device (one per origin), kept in IndexedDB. */
export const deviceStore = {
  load: async (): Promise<StoredDevice | null> => ((await run('readonly', (s) => s.get(KEY))) as StoredDevice | undefined) ?? null,
  save: async (device: StoredDevice): Promise<void> => {
    await run('readwrite', (s) => s.put(device, KEY));
  },
  /** Forgets the device here (after a revocation, to enrol again). */
  clear: async (): Promise<void> => {
    await run('readwrite', (s) => s.delete(KEY));
  },
};
