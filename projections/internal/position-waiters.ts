interface Waiter {
  position: bigint;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Promises that resolve once a moving position reaches theirs (read-your-writes). */
export class PositionWaiters {
  private current = 0n;
  private waiters: Waiter[] = [];

  reached(position: bigint): void {
    if (position <= this.current) return;
    this.current = position;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.position <= position) {
        clearTimeout(w.timer);
        w.resolve();
      } else still.push(w);
    }
    this.waiters = still;
  }

  resetTo(position: bigint): void {
    this.current = position;
  }

  wait(position: bigint, timeoutMs: number, onTimeout: () => Error): Promise<void> {
    if (position <= this.current) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(onTimeout());
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  rejectAll(error: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiters = [];
  }
}
