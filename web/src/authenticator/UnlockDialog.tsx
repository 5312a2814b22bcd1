import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { verifyWithBiometric } from './biometricUnlock';
import type { StoredDevice } from './deviceStore';
import { FREE_PIN_TRIES, pinWaitSeconds, verifyPin } from './pinLock';

/**
 * Asks for the app PIN (or the phone's fingerprint / face unlock) before an approval goes
 * out. After five wrong PINs each try waits longer; the count survives a reload. A local
 * gate: the server cannot tell whether it was passed.
 */
export function UnlockDialog({ device, onChange, onUnlocked, onCancel }: { device: StoredDevice; onChange: (patch: Partial<StoredDevice>) => void; onUnlocked: () => void; onCancel: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const unlock = device.unlock;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wait = Math.ceil((unlock.lockedUntil - Date.now()) / 1000);
    if (wait > 0) return setError(`Too many wrong PINs. Try again in ${wait} s.`);
    if (!unlock.pin) return setError('No PIN is set on this phone; set up the app again.');
    setBusy(true);
    const ok = await verifyPin(pin, unlock.pin);
    setBusy(false);
    if (ok) {
      onChange({ unlock: { ...unlock, failures: 0, lockedUntil: 0 } });
      return onUnlocked();
    }
    const failures = unlock.failures + 1;
    const delay = pinWaitSeconds(failures);
    onChange({ unlock: { ...unlock, failures, lockedUntil: delay ? Date.now() + delay * 1000 : 0 } });
    setPin('');
    setError(delay ? `Wrong PIN. Too many wrong PINs: try again in ${delay} s.` : `Wrong PIN. ${FREE_PIN_TRIES - failures} ${FREE_PIN_TRIES - failures === 1 ? 'try' : 'tries'} left before you have to wait.`);
  }

  async function useBiometric() {
    setError(undefined);
    try {
      if (unlock.biometricCredentialId && (await verifyWithBiometric(unlock.biometricCredentialId))) return onUnlocked();
      setError('Your fingerprint or face was not confirmed; use your PIN.');
    } catch {
      setError('Fingerprint or face unlock was cancelled or is not available; use your PIN.');
    }
  }

  return (
    <Dialog title="Unlock to approve" onClose={onCancel}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p>Your organisation asks you to unlock this app before each approval.</p>
        {unlock.biometricCredentialId ? (
          <button type="button" className="button button-secondary button-block" onClick={() => void useBiometric()}>
            Use fingerprint or face
          </button>
        ) : null}
        <TextField label="App PIN" name="unlockPin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={error} data-autofocus />
        <button type="submit" className="button button-block" disabled={busy || !pin}>
          {busy ? 'Checking…' : 'Unlock and approve'}
        </button>
      </form>
    </Dialog>
  );
}
