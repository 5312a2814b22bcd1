import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ApiError, callSigned } from './authenticatorApi';
import type { StoredDevice } from './deviceStore';

interface DeviceSummary {
  deviceId: string;
  name: string;
  status: 'ACTIVE' | 'REVOKED';
  activatedAt: string;
  lastCodeAt: string | null;
  revokedAt: string | null;
}

const date = (iso: string) => new Date(iso).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });

/** This user's devices (from the server, signed with this device's key), with revoke for a lost one. */
export function DevicesPanel({ device }: { device: StoredDevice }) {
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<DeviceSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDevices((await callSigned<{ devices: DeviceSummary[] }>(device, 'GET', '/api/devices')).devices);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Your devices could not be loaded.');
    }
  }, [device]);
  useEffect(() => void load(), [load]);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await callSigned(device, 'POST', `/api/devices/${encodeURIComponent(revoking.deviceId)}/revoke`, { reason: 'Revoked by the user from the web authenticator.' });
      setNotice(`“${revoking.name}” was revoked: it can no longer approve your sign-ins.`);
      setRevoking(null);
      await load();
    } catch (error) {
      setRevokeError(error instanceof ApiError ? error.message : 'The device could not be revoked.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wa-card" aria-labelledby="devices-title">
      <h1 id="devices-title">Your devices</h1>
      <p className="muted">Every device that can approve your sign-ins. Revoke one you lost or no longer use.</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problem ? (
        <Alert title="Your devices could not be loaded">
          {problem}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            Try again
          </button>
        </Alert>
      ) : devices === null ? (
        <p role="status" className="muted">
          Loading…
        </p>
      ) : (
        <ul className="device-list">
          {devices.map((d) => (
            <li key={d.deviceId} className="device-row">
              <div>
                <p className="device-name">
                  {d.name} {d.deviceId === device.deviceId ? <span className="tag">This device</span> : null}
                </p>
                <p className="muted device-meta">
                  {d.status === 'ACTIVE' ? `Added ${date(d.activatedAt)}` : `Revoked ${d.revokedAt ? date(d.revokedAt) : ''}`}
                  {d.lastCodeAt ? ` · last code ${date(d.lastCodeAt)}` : ''}
                </p>
              </div>
              {d.status === 'ACTIVE' && d.deviceId !== device.deviceId ? (
                <button type="button" className="button button-secondary button-small" onClick={() => setRevoking(d)} aria-label={`Revoke ${d.name}`}>
                  Revoke
                </button>
              ) : d.status === 'REVOKED' ? (
                <span className="pill pill-failed">Revoked</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {revoking ? (
        <ConfirmDialog title={`Revoke “${revoking.name}”?`} confirmLabel="Revoke device" busyLabel="Revoking…" busy={busy} error={revokeError} onConfirm={() => void revoke()} onCancel={() => setRevoking(null)}>
          <p>It will no longer be able to approve your sign-ins or show working codes. This cannot be undone: to use it again, it must be set up from a new token pack email.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
