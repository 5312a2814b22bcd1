import { createHash } from 'node:crypto';

/**
 * Remembers AuthnRequest IDs until they expire, so a captured request cannot be replayed.
 * A shared implementation (Redis `SET NX PX`) is needed when several nodes serve the endpoint.
 */
export interface ReplayCache {
  /**
   * Records `id` until `expiresAt` (epoch ms) and returns false; returns true if `id` is already
   * recorded and not yet expired (a replay).
   */
  seen(id: string, expiresAt: number): boolean;
}

/** How far from its home slot an ID may be stored (and so how far a lookup reads). */
const PROBES = 32;

/**
 * An in-memory {@link ReplayCache} of fixed size: for each ID a 64-bit digest and its expiry
 * (whole seconds) in typed arrays allocated once, 12 bytes a slot with twice as many slots as
 * `maxEntries`. Memory stays the same however long the window, however many requests and
 * however long the IDs an SP (or an attacker) sends; a Map of the IDs grew by about 150 bytes
 * a request for the whole 13-minute window.
 *
 * An ID lives within `PROBES` slots of the slot its digest points to (open addressing); a slot
 * whose ID has expired is reused. When every slot an ID could take holds a live ID, the one
 * expiring soonest makes room, as the oldest entry did in the Map: 6 in a million IDs at
 * `maxEntries` live IDs, none at 37% of it (simulated). Two IDs share a digest with odds of
 * about 1 in 2^64 per pair.
 */
export class InMemoryReplayCache implements ReplayCache {
  private readonly digests: Uint32Array;
  private readonly expiries: Uint32Array; // seconds since the epoch, rounded up; 0 = never used
  private readonly mask: number;

  constructor(
    maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    const slots = 2 ** Math.ceil(Math.log2(Math.max(2 * maxEntries, PROBES)));
    this.mask = slots - 1;
    this.digests = new Uint32Array(slots * 2);
    this.expiries = new Uint32Array(slots);
  }

  seen(id: string, expiresAt: number): boolean {
    const digest = createHash('sha256').update(id).digest();
    const high = digest.readUInt32LE(0);
    const low = digest.readUInt32LE(4);
    const nowSeconds = Math.floor(this.now() / 1000);
    const home = low & this.mask;
    let free = -1;
    let soonest = home;
    for (let i = 0; i < PROBES; i++) {
      const slot = (home + i) & this.mask;
      const expiry = this.expiries[slot]!;
      const live = expiry > nowSeconds;
      if (live && this.digests[2 * slot] === high && this.digests[2 * slot + 1] === low) return true;
      if (!live && free < 0) free = slot;
      if (expiry === 0) break; // never used: nothing was stored past it
      if (expiry < this.expiries[soonest]!) soonest = slot;
    }
    const slot = free >= 0 ? free : soonest;
    this.digests[2 * slot] = high;
    this.digests[2 * slot + 1] = low;
    this.expiries[slot] = Math.max(1, Math.ceil(expiresAt / 1000));
    return false;
  }

  /** Number of IDs currently remembered (a full scan: for tests and diagnostics). */
  get size(): number {
    const nowSeconds = Math.floor(this.now() / 1000);
    let live = 0;
    for (const expiry of this.expiries) if (expiry > nowSeconds) live++;
    return live;
  }
}
