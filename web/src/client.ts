import { createClient as createWsClient } from 'graphql-ws';
import {
  Client,
  cacheExchange,
  fetchExchange,
  getOperationName,
  mapExchange,
  subscriptionExchange,
} from 'urql';
import { createLiveStatusStore, type LiveStatusStore } from './internal/createLiveStatusStore';
import { readCookie } from './internal/readCookie';

/** Cookie the server sets at sign-in; its value goes back in the `x-csrf-token` header. */
export const CSRF_COOKIE = 'cs_csrf';

/** A urql client bound to one admin session, with its subscription socket. */
export interface AdminClient {
  client: Client;
  /** Connection state of the graphql-ws socket, for the "live" indicator. */
  liveStatus: LiveStatusStore;
  /**
   * Registers a listener called once when a request (other than `me`) fails with
   * `UNAUTHENTICATED`, i.e. the session expired or was revoked. Returns the unsubscribe function.
   */
  onSessionEnded(listener: () => void): () => void;
  /** Closes the subscription socket; call when the session ends. */
  dispose(): void;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isCloseWithCode(reason: unknown, codes: number[]): boolean {
  return typeof reason === 'object' && reason !== null && codes.includes((reason as { code?: unknown }).code as number);
}

function graphqlWsUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/graphql`;
}

/**
 * Creates the admin dashboard's GraphQL client: HTTP POST to `/graphql` with the CSRF header read
 * from the `cs_csrf` cookie at request time, subscriptions over graphql-ws on the same origin
 * (the socket opens lazily, on the first subscription), and urql's document cache.
 */
export function createAdminClient(): AdminClient {
  const liveStatus = createLiveStatusStore();
  let sessionEnded = false;
  const sessionEndedListeners = new Set<() => void>();

  const ws = createWsClient({
    url: graphqlWsUrl(),
    lazy: true,
    // A dashboard stays open for hours: keep reconnecting (at most every ~15 s) across server
    // restarts, but not when the server refuses the session (4401/4403).
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => wait(Math.min(15_000, 1_000 * 2 ** retries) + Math.random() * 1_000),
    shouldRetry: (reason) => !isCloseWithCode(reason, [4401, 4403]),
    // The browser sends the session cookie with the upgrade; the CSRF token lets the server
    // also check that the socket was opened by this app.
    connectionParams: () => ({ csrfToken: readCookie(CSRF_COOKIE) ?? null }),
  });
  ws.on('connecting', () => liveStatus.set('connecting'));
  ws.on('connected', () => liveStatus.set('connected'));
  ws.on('closed', () => liveStatus.set('idle'));

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    fetchOptions: () => {
      const csrf = readCookie(CSRF_COOKIE);
      return {
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
        },
      };
    },
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const expired = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (!expired || sessionEnded || getOperationName(operation.query) === 'Me') return;
          sessionEnded = true;
          queueMicrotask(() => sessionEndedListeners.forEach((listener) => listener()));
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const payload = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(payload, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    liveStatus,
    onSessionEnded(listener) {
      sessionEndedListeners.add(listener);
      return () => sessionEndedListeners.delete(listener);
    },
    dispose() {
      // graphql-ws rejects dispose() with the close event when the socket never opened; nothing to do then.
      Promise.resolve(ws.dispose()).catch(() => undefined);
    },
  };
}
