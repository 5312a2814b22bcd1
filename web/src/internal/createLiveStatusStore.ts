/** State of the subscription socket, as shown by the "live" indicator. */
export type LiveStatus = 'idle' | 'connecting' | 'connected';

/** A tiny external store for `useSyncExternalStore`. */
export interface LiveStatusStore {
  get(): LiveStatus;
  set(status: LiveStatus): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveStatusStore(): LiveStatusStore {
  let status: LiveStatus = 'idle';
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set(next) {
      if (next === status) return;
      status = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
