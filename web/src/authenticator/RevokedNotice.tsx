import { Alert } from '../components/Alert';
import type { StoredDevice } from './deviceStore';

/** What the app shows once the server said this device was revoked. */
export function RevokedNotice({ device, onReset }: { device: StoredDevice; onReset: () => void }) {
  return (
    <section className="wa-card" aria-labelledby="revoked-title">
      <h1 id="revoked-title">This device was removed</h1>
      <Alert tone="error" title="It can no longer approve sign-ins">
        “{device.name}” was revoked, by your administrator or from another of your devices. Its key is no longer accepted, and its codes no longer work.
      </Alert>
      <p>If you did not expect this, tell your administrator. To use this phone again, ask them for a new token pack email and open its link here.</p>
      <button type="button" className="button button-block" onClick={onReset}>
        Set up this phone again
      </button>
    </section>
  );
}
