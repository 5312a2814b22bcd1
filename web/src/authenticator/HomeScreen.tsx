import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, callApi } from './authenticatorApi';
import { challengeAnswerPayload, type ChallengeDecision } from '../../../api/domain/device/signed-payloads';
import { ChallengeCard, type ChallengeItem } from './ChallengeCard';
import { openDeviceChannel, type ChannelState } from './deviceChannel';
import { signPayload } from './deviceKeys';
import type { StoredDevice } from './deviceStore';
import { DevicesPanel } from './DevicesPanel';
import { setUpPush } from './pushSubscription';
import { TotpPanel } from './TotpPanel';
import { UnlockDialog } from './UnlockDialog';

type Tab = 'requests' | 'code' | 'devices';
const TABS: { id: Tab; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'code', label: 'Code' },
  { id: 'devices', label: 'Devices' },
];

const RESULT: Record<string, string> = {
  APPROVED: 'Approved. The sign-in continues on the other screen.',
  DENIED: 'Denied. The sign-in was stopped.',
  FRAUD_REPORTED: 'Reported. The sign-in was stopped and your administrator was told.',
};
const CLOSED: Record<string, string> = {
  APPROVED: 'Approved on another device.',
  DENIED: 'Denied on another device.',
  FRAUD_REPORTED: 'Reported as not you, on another device.',
  EXPIRED: 'This request expired before it was answered.',
  WRONG_NUMBER: 'Ended: the wrong number was chosen.',
  CANCELLED: 'The sign-in was cancelled.',
};

/** The enrolled app: live requests, the one-time code, and this user's devices. */
export function HomeScreen({ device, onChange }: { device: StoredDevice; onChange: (patch: Partial<StoredDevice>) => void }) {
  const [tab, setTab] = useState<Tab>('requests');
  const [channel, setChannel] = useState<ChannelState>({ kind: 'connecting' });
  const [items, setItems] = useState<ChallengeItem[]>([]);
  const [unlockFor, setUnlockFor] = useState<{ challengeId: string; number: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const deviceRef = useRef(device);
  deviceRef.current = device;

  const patchItem = (challengeId: string, patch: Partial<ChallengeItem>) => setItems((list) => list.map((i) => (i.notice.challengeId === challengeId ? { ...i, ...patch } : i)));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(
    () =>
      openDeviceChannel(device, {
        onState: (state) => {
          setChannel(state);
          if (state.kind === 'revoked') onChange({ revokedAt: new Date().toISOString() });
        },
        onChallenge: (notice) => {
          setItems((list) => (list.some((i) => i.notice.challengeId === notice.challengeId) ? list : [{ notice, phase: 'open' }, ...list]));
          setTab('requests');
        },
        onClosed: (challengeId, status) =>
          setItems((list) => list.map((i) => (i.notice.challengeId === challengeId && i.phase === 'open' ? { ...i, phase: 'closed', result: { tone: status === 'APPROVED' ? 'success' : 'info', text: CLOSED[status] ?? `Closed (${status.toLowerCase()}).` } } : i))),
      }),
    // One channel per device for as long as the app is open.
    [device.deviceId],
  );

  useEffect(() => {
    if (device.push !== 'pending') return;
    void setUpPush(device).then((push) => onChange({ push }));
  }, [device.deviceId]);

  const send = useCallback(async (challengeId: string, decision: ChallengeDecision, number: number | null) => {
    patchItem(challengeId, { phase: 'sending' });
    const current = deviceRef.current;
    try {
      const signature = await signPayload(current.privateKey, challengeAnswerPayload({ challengeId, decision, number }));
      const { status } = await callApi<{ status: string }>('POST', `/api/challenges/${encodeURIComponent(challengeId)}/answer`, { deviceId: current.deviceId, decision, number, signature });
      patchItem(challengeId, { phase: 'done', result: { tone: status === 'APPROVED' ? 'success' : 'info', text: RESULT[status] ?? `Answered (${status.toLowerCase()}).` } });
    } catch (error) {
      const text = error instanceof ApiError ? error.message : 'The answer could not be sent.';
      patchItem(challengeId, { phase: 'done', result: { tone: 'error', text } });
    }
  }, []);

  const answer = (challengeId: string, decision: ChallengeDecision, number: number | null) => {
    if (decision === 'approve' && number !== null && device.pack.localUnlock === 'PIN_OR_BIOMETRIC') return setUnlockFor({ challengeId, number });
    void send(challengeId, decision, number);
  };

  const open = items.filter((i) => i.phase === 'open' || i.phase === 'sending').length;
  return (
    <>
      <ChannelStatus state={channel} push={device.push} />
      <nav className="wa-tabs" aria-label="Authenticator">
        {TABS.map((t) => (
          <button key={t.id} type="button" className="wa-tab" aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
            {t.label}
            {t.id === 'requests' && open > 0 ? <span className="wa-tab-count" aria-label={`${open} waiting`}>{open}</span> : null}
          </button>
        ))}
      </nav>
      {tab === 'requests' ? (
        <section aria-labelledby="requests-title" className="wa-panel">
          <h1 id="requests-title" className="visually-hidden">
            Sign-in requests
          </h1>
          {items.length === 0 ? (
            <div className="wa-card wa-empty">
              <p className="wa-empty-title">No sign-in request right now</p>
              <p className="muted">When you sign in to a service that asks for this phone, the request shows up here. Choose the number the sign-in page shows.</p>
            </div>
          ) : (
            items.map((item) => (
              <ChallengeCard
                key={item.notice.challengeId}
                item={item}
                now={now}
                onAnswer={(decision, number) => answer(item.notice.challengeId, decision, number)}
                onDismiss={() => setItems((list) => list.filter((i) => i !== item))}
              />
            ))
          )}
        </section>
      ) : tab === 'code' ? (
        <TotpPanel device={device} />
      ) : (
        <DevicesPanel device={device} />
      )}
      {unlockFor ? (
        <UnlockDialog
          device={device}
          onChange={onChange}
          onCancel={() => setUnlockFor(null)}
          onUnlocked={() => {
            const { challengeId, number } = unlockFor;
            setUnlockFor(null);
            void send(challengeId, 'approve', number);
          }}
        />
      ) : null}
    </>
  );
}

function ChannelStatus({ state, push }: { state: ChannelState; push: StoredDevice['push'] }) {
  const text =
    state.kind === 'ready'
      ? 'Connected: waiting for sign-in requests.'
      : state.kind === 'connecting'
        ? 'Connecting to the server…'
        : state.kind === 'waiting'
          ? `${state.reason} Trying again in ${state.retryInSeconds} s.`
          : 'This device was removed.';
  return (
    <div className="wa-status">
      <p className={`wa-status-line wa-status-${state.kind}`} role="status" aria-live="polite">
        <span className="wa-status-dot" aria-hidden="true" />
        {text}
      </p>
      <p className="wa-status-push">
        {push === 'off' ? 'Notifications off: keep this page open to get sign-in requests.' : push === 'on' ? 'Notifications on: requests reach you when this page is closed too.' : 'Setting up notifications…'}
      </p>
    </div>
  );
}
