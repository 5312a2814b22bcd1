import { appServiceWorker } from './appServiceWorker';
import { callApi, callSigned, type SigningDevice } from './authenticatorApi';
import { fromBase64url } from './internal/base64url';

/** Gives up on push set-up after this long (a permission prompt nobody answers, no network). */
const PUSH_SETUP_MS = 15_000;

/**
 * Tries to register this device for Web Push: reads the server's VAPID key, subscribes
 * through the service worker, and hands the subscription to the server. Resolves to 'on' or
 * 'off' and never throws: without push the live channel still works while the page is open.
 */
export async function setUpPush(device: SigningDevice): Promise<'on' | 'off'> {
  if (!('serviceWorker' in navigator) || typeof PushManager === 'undefined') return 'off';
  const attempt = async (): Promise<'on' | 'off'> => {
    const { publicKey } = await callApi<{ publicKey?: string }>('GET', '/api/push/vapid-public-key');
    if (!publicKey) return 'off';
    const registration = await appServiceWorker();
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64url(publicKey) }));
    await callSigned(device, 'POST', '/api/devices/push-channel', { subscription: subscription.toJSON() });
    return 'on';
  };
  try {
    return await Promise.race([attempt(), new Promise<'off'>((resolve) => setTimeout(() => resolve('off'), PUSH_SETUP_MS))]);
  } catch {
    return 'off';
  }
}
