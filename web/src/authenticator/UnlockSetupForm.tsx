import { useEffect, useState, type FormEvent } from 'react';
import { CheckboxField } from '../components/CheckboxField';
import { TextField } from '../components/TextField';
import { biometricAvailable, createBiometricCredential } from './biometricUnlock';
import type { UnlockSettings } from './deviceStore';
import { hashPin, pinProblem } from './pinLock';

/**
 * Sets the app PIN the token pack asks for (only its PBKDF2 hash is kept), and offers the
 * phone's fingerprint or face unlock where the browser has a platform authenticator.
 */
export function UnlockSetupForm({ username, onDone }: { username: string; onDone: (unlock: UnlockSettings) => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [useBiometric, setUseBiometric] = useState(false);
  const [canBiometric, setCanBiometric] = useState(false);
  const [errors, setErrors] = useState<{ pin?: string; again?: string; biometric?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void biometricAvailable().then(setCanBiometric);
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = pinProblem(pin);
    if (problem || pin !== again) return setErrors({ pin: problem, again: problem ? undefined : 'The two PINs differ; type the same PIN twice.' });
    setBusy(true);
    let biometricCredentialId: string | null = null;
    if (useBiometric) {
      try {
        biometricCredentialId = await createBiometricCredential(username || 'authenticator');
      } catch {
        setBusy(false);
        return setErrors({ biometric: 'Fingerprint or face unlock could not be set up; untick it to use the PIN only.' });
      }
    }
    const stored = await hashPin(pin);
    setBusy(false);
    onDone({ pin: stored, biometricCredentialId, failures: 0, lockedUntil: 0 });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>Your organisation asks you to unlock this app before each approval, so that someone holding your phone cannot approve a sign-in.</p>
      <TextField label="New app PIN" name="pin" type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} error={errors.pin} hint="4 to 12 digits. Not your phone’s screen lock, and never sent anywhere." />
      <TextField label="The same PIN again" name="pinAgain" type="password" inputMode="numeric" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={errors.again} />
      {canBiometric ? (
        <CheckboxField label="Also allow fingerprint or face unlock" checked={useBiometric} onChange={(e) => setUseBiometric(e.target.checked)} hint="Uses this phone’s own unlock; the PIN still works." error={errors.biometric} />
      ) : null}
      <p className="wa-note">
        This is a check on this phone only: the PIN stays here, and the server cannot tell whether it was asked.
      </p>
      <button type="submit" className="button button-block" disabled={busy}>
        {busy ? 'Saving…' : 'Set PIN and continue'}
      </button>
    </form>
  );
}
