import type { Subscription } from './event-store';

/** How long after a failure a subscription is opened again. */
const RETRY_MS = 1_000;

/**
 * Keeps a catch-up subscription going through failures (a busy database, a queue that is
 * down). `open` subscribes from its consumer's checkpoint and calls `failed` from its
 * `onError` when the failure should be retried; a second later the failed subscription is
 * closed and `open` runs again, resuming from wherever the checkpoint is by then. Without
 * this, one failed batch left a read model or a reactor stopped until the next restart.
 */
export function keepSubscribed(open: (failed: () => void) => Subscription, retryMs = RETRY_MS): Subscription {
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let current: Subscription;
  const failed = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      void current.close().then(() => {
        retry = undefined;
        if (!closed) current = open(failed);
      });
    }, retryMs);
  };
  current = open(failed);
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await current.close();
    },
  };
}
