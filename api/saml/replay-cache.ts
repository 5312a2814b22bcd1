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

/**
 * An in-memory {@link ReplayCache} bounded to `maxEntries`. Expired entries are dropped as new
 * ones arrive; when full of live entries the oldest is evicted, so size the bound above the
 * number of requests expected within the expiry window.
 */
export class InMemoryReplayCache implements ReplayCache {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  seen(id: string, expiresAt: number): boolean {
    const now = this.now();
    const known = this.entries.get(id);
    if (known !== undefined && known > now) return true;
    if (known !== undefined) this.entries.delete(id);
    this.dropExpired(now);
    while (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(id, expiresAt);
    return false;
  }

  /** Number of IDs currently remembered. */
  get size(): number {
    return this.entries.size;
  }

  // Entries are inserted in roughly expiry order, so expired ones gather at the front.
  private dropExpired(now: number): void {
    for (const [id, expiresAt] of this.entries) {
      if (expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
