import { useEffect, useState } from 'react';
import type { StoredDevice } from './deviceStore';
import { secondsLeft, totpCode } from './totpCode';

/** The current one-time code for "Enter a code instead", with the seconds until it changes. */
export function TotpPanel({ device }: { device: StoredDevice }) {
  const [shown, setShown] = useState<{ code: string; left: number } | null>(null);
  useEffect(() => {
    let live = true;
    const tick = async () => {
      const now = Date.now();
      const code = await totpCode(device.totpKey, now, device.totp);
      if (live) setShown({ code, left: secondsLeft(now, device.totp.period) });
    };
    void tick();
    const timer = setInterval(() => void tick(), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [device]);
  const half = device.totp.digits / 2;
  return (
    <section className="wa-card totp" aria-labelledby="code-title">
      <h1 id="code-title">One-time code</h1>
      <p className="muted">When the sign-in page cannot reach this phone, choose “Enter a code instead” there and type this code.</p>
      <p className="totp-code" data-code={shown?.code ?? ''} aria-label={shown ? `Code ${shown.code.split('').join(' ')}` : 'Code loading'}>
        {shown ? `${shown.code.slice(0, half)} ${shown.code.slice(half)}` : '––– –––'}
      </p>
      <div className="totp-timer">
        <div className="totp-bar" role="progressbar" aria-label="Time left for this code" aria-valuemin={0} aria-valuemax={device.totp.period} aria-valuenow={shown?.left ?? device.totp.period}>
          <span style={{ width: `${((shown?.left ?? device.totp.period) / device.totp.period) * 100}%` }} />
        </div>
        <p className="totp-left">Changes in {shown?.left ?? device.totp.period} s</p>
      </div>
    </section>
  );
}
