import { useCallback, useEffect, useState } from 'react';
import { applyPackTheme } from './applyPackTheme';
import { AppHeader } from './AppHeader';
import { deviceStore, type PackLook, type StoredDevice } from './deviceStore';
import { EnrollFlow } from './EnrollFlow';
import { HomeScreen } from './HomeScreen';
import { RevokedNotice } from './RevokedNotice';

/**
 * The web authenticator: enrol this browser as a device from a token pack link, then keep
 * the live channel open to approve sign-ins, show the one-time code, and manage devices.
 */
export function AuthenticatorApp() {
  const [device, setDevice] = useState<StoredDevice | null | undefined>(undefined);
  const [look, setLook] = useState<PackLook | null>(null);
  const [storeProblem, setStoreProblem] = useState<string | null>(null);

  useEffect(() => {
    deviceStore.load().then(setDevice, () => {
      setStoreProblem('This browser does not let the app keep its keys (private browsing, or storage turned off). Open it in a normal window.');
      setDevice(null);
    });
  }, []);
  const shownLook = device?.pack ?? look;
  useEffect(() => applyPackTheme(shownLook), [shownLook]);

  /** Merges a change into the stored device and saves it. */
  const update = useCallback((patch: Partial<StoredDevice>) => {
    setDevice((current) => {
      if (!current) return current;
      const next = { ...current, ...patch };
      void deviceStore.save(next);
      return next;
    });
  }, []);

  const reset = async () => {
    await deviceStore.clear();
    setLook(null);
    setDevice(null);
  };

  return (
    <div className="authenticator">
      <AppHeader look={shownLook} username={device?.username ?? null} />
      <main className="authenticator-main" id="main">
        {device === undefined ? (
          <p className="muted" role="status">
            Opening…
          </p>
        ) : device === null ? (
          <EnrollFlow onLook={setLook} onEnrolled={setDevice} storeProblem={storeProblem} />
        ) : device.revokedAt ? (
          <RevokedNotice device={device} onReset={reset} />
        ) : (
          <HomeScreen device={device} onChange={update} />
        )}
      </main>
    </div>
  );
}
