/**
 * The web authenticator's service worker (built to `/authenticator/sw.js`, scope
 * `/authenticator/`): keeps the app shell in a cache so the app opens without a network,
 * shows a notification for each Web Push sign-in request, and brings the app forward when
 * the notification is tapped. It never touches the API: requests and answers always go to
 * the server.
 */

// Minimal shapes of the service worker globals (the DOM lib this project compiles with has none).
interface SwEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwPushEvent extends SwEvent {
  data: { json(): unknown } | null;
}
interface SwNotificationEvent extends SwEvent {
  notification: Notification;
}
interface SwClient {
  url: string;
  focus(): Promise<unknown>;
  postMessage(message: unknown): void;
}
interface SwGlobal {
  registration: ServiceWorkerRegistration;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<SwClient[]>; openWindow(url: string): Promise<unknown>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: SwPushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: SwNotificationEvent) => void): void;
}

const sw = self as unknown as SwGlobal;
const CACHE = 'countersign-authenticator-v1';
const APP = '/authenticator/';
const SHELL = [APP, '/authenticator/manifest.webmanifest', '/authenticator/icon.svg'];

/** The shell, and the bundles the shell's HTML names, so the app opens offline from its first visit. */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const html = await (await cache.match(APP))?.text();
  const assets = [...(html ?? '').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  if (assets.length) await cache.addAll(assets);
}

sw.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('countersign-authenticator-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The page: the newest from the network, the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) void caches.open(CACHE).then((cache) => cache.put(APP, response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(APP)) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/authenticator/')) {
    // Hashed bundles never change under one name: the cache first, then the network (kept).
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
  }
});

interface PushChallenge {
  challengeId?: string;
  serviceName?: string;
  username?: string;
  clientIp?: string | null;
}

sw.addEventListener('push', (event) => {
  let payload: { type?: string; challenge?: PushChallenge } = {};
  try {
    payload = (event.data?.json() ?? {}) as typeof payload;
  } catch {
    payload = {};
  }
  if (payload.type !== 'challenge' || !payload.challenge) return;
  const challenge = payload.challenge;
  const where = challenge.clientIp ? ` from ${challenge.clientIp}` : '';
  event.waitUntil(
    sw.registration.showNotification(`Sign-in request for ${challenge.serviceName ?? 'a service'}`, {
      body: `${challenge.username ?? 'Someone'} is signing in${where}. Open to approve or deny.`,
      tag: challenge.challengeId ?? 'countersign-challenge',
      icon: '/authenticator/icon.svg',
      requireInteraction: true,
      data: { url: APP },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).pathname.startsWith(APP));
      if (open) return open.focus();
      return sw.clients.openWindow(APP);
    }),
  );
});

export {};
