/** Where the service worker lives; its scope is the app, `/authenticator/`. */
const SCRIPT = '/authenticator/sw.js';
const SCOPE = '/authenticator/';

let registering: Promise<ServiceWorkerRegistration> | null = null;

/**
 * Registers the app's service worker (once per page) and resolves when it is active.
 * Unlike `navigator.serviceWorker.ready`, this also works on the `/enroll/…` page the
 * emailed link opens, which lies outside the worker's scope.
 */
export function appServiceWorker(): Promise<ServiceWorkerRegistration> {
  if (!('serviceWorker' in navigator)) return Promise.reject(new Error('This browser has no service workers.'));
  registering ??= navigator.serviceWorker.register(SCRIPT, { scope: SCOPE }).then(
    (registration) =>
      new Promise<ServiceWorkerRegistration>((resolve) => {
        const worker = registration.installing ?? registration.waiting;
        if (registration.active || !worker) return resolve(registration);
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve(registration);
        });
      }),
  );
  return registering;
}
