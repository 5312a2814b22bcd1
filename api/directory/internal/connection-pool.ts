import { AppError } from '../../errors';

/** How a pool makes, checks and ends its connections. */
export interface ConnectionPoolOptions<T> {
  /** Most connections open at once (idle + in use + being opened). */
  max: number;
  /** Longest a caller waits for a free connection before DIRECTORY_BUSY. */
  acquireTimeoutMs: number;
  /** Idle connections older than this are closed. */
  idleTimeoutMs: number;
  create(): Promise<T>;
  isOpen(connection: T): boolean;
  destroy(connection: T): void;
}

/** A snapshot of a pool, for the bench and health pages. */
export interface ConnectionPoolStats {
  open: number;
  idle: number;
  inUse: number;
  opening: number;
  waiting: number;
  /** Connections ever opened; flat under steady load when reuse works. */
  created: number;
}

interface Waiter<T> {
  resolve(connection: T): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/**
 * A bounded pool of exclusive connections. A caller takes one connection for one piece of
 * work; when all are busy it queues (first come, first served) for at most `acquireTimeoutMs`,
 * so a slow directory turns into fast DIRECTORY_BUSY failures instead of a growing pile of
 * sockets. Broken connections are dropped on return and replaced on demand.
 */
export class ConnectionPool<T> {
  private readonly idle: { connection: T; since: number }[] = [];
  private readonly busy = new Set<T>();
  private readonly waiters: Waiter<T>[] = [];
  private opening = 0;
  private created = 0;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: ConnectionPoolOptions<T>) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(1_000, Math.min(options.idleTimeoutMs / 2, 30_000)));
    this.sweeper.unref();
  }

  /**
   * Runs `work` on a connection. When `work` throws and `keep(error)` says the connection may
   * be damaged (a timeout, a reset), the connection is closed instead of reused.
   */
  async use<R>(work: (connection: T) => Promise<R>, keep: (error: unknown) => boolean = () => false): Promise<R> {
    const connection = await this.acquire();
    let healthy = true;
    try {
      return await work(connection);
    } catch (error) {
      healthy = keep(error);
      throw error;
    } finally {
      this.release(connection, healthy);
    }
  }

  stats(): ConnectionPoolStats {
    return {
      open: this.idle.length + this.busy.size + this.opening,
      idle: this.idle.length,
      inUse: this.busy.size,
      opening: this.opening,
      waiting: this.waiters.length,
      created: this.created,
    };
  }

  /** Closes idle connections now and busy ones as they come back; queued callers fail. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new AppError('DIRECTORY_CLOSED'));
    }
    for (const { connection } of this.idle.splice(0)) this.options.destroy(connection);
  }

  private acquire(): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('DIRECTORY_CLOSED'));
    while (this.idle.length > 0) {
      const { connection } = this.idle.pop()!;
      if (this.options.isOpen(connection)) {
        this.busy.add(connection);
        return Promise.resolve(connection);
      }
      this.options.destroy(connection);
    }
    if (this.stats().open < this.options.max) return this.open();
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new AppError('DIRECTORY_BUSY', `All ${this.options.max} directory connections stayed busy for ${this.options.acquireTimeoutMs} ms.`));
        }, this.options.acquireTimeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private async open(): Promise<T> {
    this.opening++;
    try {
      const connection = await this.options.create();
      this.created++;
      if (this.closed) {
        this.options.destroy(connection);
        throw new AppError('DIRECTORY_CLOSED');
      }
      this.busy.add(connection);
      return connection;
    } finally {
      this.opening--;
      // A failed open frees a slot a queued caller can use.
      if (this.busy.size + this.idle.length + this.opening < this.options.max) this.serveWaiter();
    }
  }

  private release(connection: T, healthy: boolean): void {
    this.busy.delete(connection);
    if (this.closed || !healthy || !this.options.isOpen(connection)) {
      this.options.destroy(connection);
      this.serveWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      this.busy.add(connection);
      waiter.resolve(connection);
      return;
    }
    this.idle.push({ connection, since: Date.now() });
  }

  /** Gives the first queued caller a new connection (its own open may fail; that is its answer). */
  private serveWaiter(): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.acquire().then(waiter.resolve, waiter.reject);
  }

  private sweep(): void {
    const oldest = Date.now() - this.options.idleTimeoutMs;
    for (let index = this.idle.length - 1; index >= 0; index--) {
      const entry = this.idle[index]!;
      if (entry.since < oldest || !this.options.isOpen(entry.connection)) {
        this.idle.splice(index, 1);
        this.options.destroy(entry.connection);
      }
    }
  }
}
