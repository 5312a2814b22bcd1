import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { ApiError, callApi } from './authenticatorApi';
import { newDeviceKeyPair } from './deviceKeys';
import { deviceStore, type PackLook, type StoredDevice, type UnlockSettings } from './deviceStore';
import { defaultDeviceName } from './internal/defaultDeviceName';
import { QrScanButton } from './QrScanButton';
import { UnlockSetupForm } from './UnlockSetupForm';
import { importTotpKey } from './totpCode';

interface Started {
  enrollmentId: string;
  enrollmentKey: string;
  expiresAt: string;
  tenantId: string;
  tokenPack: PackLook;
  directoryName: string | null;
}
type SignedIn = { status: 'READY_TO_ACTIVATE'; activationCode: string; trustedNetwork: string } | { status: 'ACTIVATION_CODE_SENT'; email: string };
interface Activated {
  deviceId: string;
  tenantId: string;
  username: string;
  totp: { secret: string; algorithm: string; digits: number; period: number };
}

type Step =
  | { kind: 'link' }
  | { kind: 'sign-in'; started: Started }
  | { kind: 'unlock'; started: Started; signedIn: SignedIn; deviceName: string }
  | { kind: 'code'; started: Started; email: string; deviceName: string; unlock: UnlockSettings }
  | { kind: 'activating'; started: Started; note: string };

export interface EnrollFlowProps {
  onLook: (look: PackLook) => void;
  onEnrolled: (device: StoredDevice) => void;
  storeProblem: string | null;
}

const RESUME_KEY = 'countersign-enrolment';

/** The "enter your activation code" step this tab was on, unless the enrolment has expired. */
function resumedStep(): Step {
  try {
    const saved = JSON.parse(sessionStorage.getItem(RESUME_KEY) ?? 'null') as Extract<Step, { kind: 'code' }> | null;
    if (saved?.kind === 'code' && Date.parse(saved.started.expiresAt) > Date.now() && !location.pathname.startsWith('/enroll/')) return saved;
  } catch {
    // Nothing usable saved.
  }
  return { kind: 'link' };
}

const NO_UNLOCK: UnlockSettings = { pin: null, biometricCredentialId: null, failures: 0, lockedUntil: 0 };
const describe = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', (error as Error)?.message || 'Something went wrong in this app.'));

/**
 * Enrolment, step by step: open the token pack link (pasted, scanned, or the page's own
 * address), sign in to the pack's directory, set the unlock the pack asks for, enter the
 * emailed activation code unless on a trusted network, then make the key pair here and
 * activate it.
 */
export function EnrollFlow({ onLook, onEnrolled, storeProblem }: EnrollFlowProps) {
  const [step, setStep] = useState<Step>(resumedStep);
  // Waiting for the emailed code survives a reload or a tab the phone discarded while the user
  // read their mail (this tab only; gone when it closes or the enrolment expires).
  useEffect(() => {
    if (step.kind === 'code') sessionStorage.setItem(RESUME_KEY, JSON.stringify(step));
    else if (step.kind !== 'activating') sessionStorage.removeItem(RESUME_KEY);
    if (step.kind !== 'link') onLook(step.started.tokenPack);
  }, [step]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState(() => (location.pathname.startsWith('/enroll/') ? location.href : ''));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [code, setCode] = useState('');
  const autoStarted = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step.kind]);

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const start = (value: string) =>
    guard(async () => {
      const started = await callApi<Started>('POST', '/api/enroll', { link: value.trim() });
      // The link is a bearer token: keep it out of the address bar and the history.
      if (location.pathname.startsWith('/enroll/')) history.replaceState(null, '', '/authenticator/');
      onLook(started.tokenPack);
      setStep({ kind: 'sign-in', started });
    });

  useEffect(() => {
    if (link && !autoStarted.current && location.pathname.startsWith('/enroll/')) {
      autoStarted.current = true;
      void start(link);
    }
    // Only once, for the link this page was opened with.
  }, []);

  const activate = async (started: Started, activationCode: string, name: string, unlock: UnlockSettings) => {
    const keys = await newDeviceKeyPair();
    const auth = { authorization: `Enrollment ${started.enrollmentKey}` };
    const activated = await callApi<Activated>('POST', `/api/enroll/${encodeURIComponent(started.enrollmentId)}/activate`, { code: activationCode.trim(), publicKeyJwk: keys.publicKeyJwk, deviceName: name }, auth);
    const device: StoredDevice = {
      deviceId: activated.deviceId, tenantId: activated.tenantId, username: activated.username, name, pack: started.tokenPack,
      privateKey: keys.privateKey, totpKey: await importTotpKey(activated.totp.secret), totp: { digits: activated.totp.digits, period: activated.totp.period },
      unlock, push: 'pending', activatedAt: new Date().toISOString(),
    };
    await deviceStore.save(device);
    sessionStorage.removeItem(RESUME_KEY);
    onEnrolled(device);
  };

  const proceed = async (started: Started, signedIn: SignedIn, name: string, unlock: UnlockSettings) => {
    if (signedIn.status === 'READY_TO_ACTIVATE') {
      setStep({ kind: 'activating', started, note: `You are on a trusted network (${signedIn.trustedNetwork}), so no activation code is needed. Activating this phone…` });
      await activate(started, signedIn.activationCode, name, unlock);
    } else {
      setStep({ kind: 'code', started, email: signedIn.email, deviceName: name, unlock });
    }
  };

  const signIn = (event: FormEvent, started: Started) => {
    event.preventDefault();
    void guard(async () => {
      const signedIn = await callApi<SignedIn>('POST', `/api/enroll/${encodeURIComponent(started.enrollmentId)}/sign-in`, { username, password }, { authorization: `Enrollment ${started.enrollmentKey}` });
      setPassword('');
      const name = deviceName.trim() || defaultDeviceName();
      if (started.tokenPack.localUnlock === 'PIN_OR_BIOMETRIC') setStep({ kind: 'unlock', started, signedIn, deviceName: name });
      else await proceed(started, signedIn, name, NO_UNLOCK);
    });
  };

  const fields = error?.fields ?? {};
  const problem = error ? <Alert title={titleOf(error)}>{error.message}</Alert> : null;

  if (step.kind === 'link') {
    return (
      <section className="wa-card" aria-labelledby="enrol-title">
        <h1 id="enrol-title" ref={heading} tabIndex={-1}>
          Set up this phone
        </h1>
        <p>Your administrator emailed you a token pack. Open its link on this phone, or paste the link here, or scan its QR code.</p>
        {storeProblem ? <Alert>{storeProblem}</Alert> : null}
        {problem}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void start(link);
          }}
        >
          <TextField label="Token pack link" name="link" type="url" autoComplete="off" spellCheck={false} value={link} onChange={(e) => setLink(e.target.value)} error={fields.link} hint="It starts with https:// and contains /enroll/." required />
          <div className="wa-actions">
            <button type="submit" className="button" disabled={busy || !link.trim()}>
              {busy ? 'Opening…' : 'Continue'}
            </button>
            <QrScanButton
              label="Scan the QR code"
              onScanned={(text) => {
                setLink(text);
                void start(text);
              }}
            />
          </div>
        </form>
      </section>
    );
  }

  const { started } = step;
  const directory = started.directoryName ?? 'your organisation';
  return (
    <section className="wa-card" aria-labelledby="enrol-title">
      {step.kind === 'sign-in' ? (
        <>
          <h1 id="enrol-title" ref={heading} tabIndex={-1}>
            Sign in to set up this phone
          </h1>
          <p>
            Use your <strong>{directory}</strong> username and password. They go to your organisation’s directory once and are not kept on this phone.
          </p>
          {problem}
          <form className="form" onSubmit={(e) => signIn(e, started)}>
            <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} error={fields.username} required />
            <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} required />
            <TextField label="Name of this device" name="deviceName" autoComplete="off" maxLength={64} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} error={fields.deviceName} hint="How you will recognise this phone in your list of devices." />
            <button type="submit" className="button button-block" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        </>
      ) : step.kind === 'unlock' ? (
        <>
          <h1 id="enrol-title" ref={heading} tabIndex={-1}>
            Protect your approvals
          </h1>
          {problem}
          <UnlockSetupForm
            username={username}
            onDone={(unlock) =>
              void guard(async () => {
                await proceed(step.started, step.signedIn, step.deviceName, unlock);
              })
            }
          />
        </>
      ) : step.kind === 'code' ? (
        <>
          <h1 id="enrol-title" ref={heading} tabIndex={-1}>
            Enter your activation code
          </h1>
          <p>
            We emailed an activation code to <strong>{step.email || 'the address your directory holds for you'}</strong>. Paste it here, or scan the QR code in that email. It works for 15 minutes, once.
          </p>
          {problem}
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              void guard(() => activate(step.started, code, step.deviceName, step.unlock));
            }}
          >
            <TextField label="Activation code" name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} required />
            <div className="wa-actions">
              <button type="submit" className="button" disabled={busy || !code.trim()}>
                {busy ? 'Activating…' : 'Activate this phone'}
              </button>
              <QrScanButton
                label="Scan the code’s QR"
                onScanned={(text) => {
                  setCode(text);
                  void guard(() => activate(step.started, text, step.deviceName, step.unlock));
                }}
              />
            </div>
          </form>
        </>
      ) : (
        <>
          <h1 id="enrol-title" ref={heading} tabIndex={-1}>
            Activating…
          </h1>
          <p role="status">{step.note}</p>
          {problem}
        </>
      )}
    </section>
  );
}

function titleOf(error: ApiError): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'That username and password did not work';
    case 'RATE_LIMITED':
      return 'Too many tries';
    case 'ENROLLMENT_LINK_INVALID':
    case 'ENROLLMENT_LINK_EXPIRED':
      return 'This link cannot be used';
    case 'NETWORK':
      return 'No connection';
    default:
      return error.code.startsWith('ACTIVATION_CODE') ? 'That activation code did not work' : 'That did not work';
  }
}
