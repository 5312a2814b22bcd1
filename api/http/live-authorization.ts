import type { WebSocket } from 'ws';
import type { ReadModelProgress } from '../commands';

/** graphql-ws's close code for a caller that may no longer use the connection. */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** Sessions also end by time, with no event to notice: look at least this often. */
const RECHECK_EVERY_MS = 30_000;
/** Many read-model advances in a burst cause one look. */
const COALESCE_MS = 100;

/**
 * Keeps live GraphQL subscriptions as authorized as new requests: a socket is closed (4403)
 * as soon as its caller's access is gone (the admin signed out, was removed or their session
 * expired; the API key was revoked). Each socket's check re-resolves its caller the way a new
 * request would, after every read-model advance (coalesced) and every 30 seconds.
 */
export function createLiveAuthorization(progress: ReadModelProgress) {
  const sockets = new Map<WebSocket, () => boolean>();
  let queued: NodeJS.Timeout | undefined;

  const recheck = () => {
    queued = undefined;
    for (const [socket, stillAllowed] of sockets) {
      let allowed: boolean;
      try {
        allowed = stillAllowed();
      } catch {
        allowed = false;
      }
      if (!allowed) {
        sockets.delete(socket);
        socket.close(FORBIDDEN_CLOSE_CODE, 'Forbidden');
      }
    }
  };
  const stopWatching = progress.onAdvance(() => {
    if (queued || sockets.size === 0) return;
    queued = setTimeout(recheck, COALESCE_MS);
    queued.unref();
  });
  const timer = setInterval(recheck, RECHECK_EVERY_MS);
  timer.unref();

  return {
    /** Watches a connected socket; `stillAllowed` resolves its caller again (throwing counts as no). */
    track(socket: WebSocket, stillAllowed: () => boolean) {
      sockets.set(socket, stillAllowed);
      socket.once('close', () => sockets.delete(socket));
    },
    close() {
      stopWatching();
      clearInterval(timer);
      if (queued) clearTimeout(queued);
    },
  };
}
