import { useId, useState } from 'react';
import { Alert } from '../components/Alert';
import type { ChallengeDecision } from '../../../api/domain/device/signed-payloads';
import type { ChallengeNotice } from './deviceChannel';
import { describeBrowser } from './internal/describeBrowser';

/** A request on screen, and where its answer stands. */
export interface ChallengeItem {
  notice: ChallengeNotice;
  phase: 'open' | 'sending' | 'done' | 'closed';
  result?: { tone: 'success' | 'info' | 'error'; text: string };
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * One sign-in request: who, where from, which service, when, and how long it can still be
 * answered; the number choices, then Approve, Deny, or "This wasn't me".
 */
export function ChallengeCard({ item, now, onAnswer, onDismiss }: { item: ChallengeItem; now: number; onAnswer: (decision: ChallengeDecision, number: number | null) => void; onDismiss: () => void }) {
  const { notice } = item;
  const [picked, setPicked] = useState<number | null>(null);
  const titleId = useId();
  const left = Math.max(0, Math.floor((Date.parse(notice.expiresAt) - now) / 1000));
  const expired = left === 0 && item.phase === 'open';
  const answerable = item.phase === 'open' && !expired;
  return (
    <article className="wa-card challenge" aria-labelledby={titleId} data-challenge-id={notice.challengeId}>
      <h2 id={titleId} className="challenge-title">
        Sign-in request for {notice.serviceName}
      </h2>
      <dl className="challenge-facts">
        <dt>User</dt>
        <dd>{notice.username}</dd>
        <dt>From</dt>
        <dd>{notice.clientIp ?? 'unknown address'}</dd>
        <dt>Browser</dt>
        <dd title={notice.browser ?? undefined}>{describeBrowser(notice.browser)}</dd>
        <dt>Time</dt>
        <dd>{time(notice.issuedAt)}</dd>
        <dt>Expires</dt>
        <dd>{answerable ? `in ${left} s` : item.phase === 'open' ? 'expired' : time(notice.expiresAt)}</dd>
      </dl>
      {answerable || item.phase === 'sending' ? (
        <>
          <fieldset className="challenge-numbers" disabled={!answerable}>
            <legend>Which number does the sign-in page show?</legend>
            <div className="challenge-number-row">
              {notice.numberChoices.map((n) => (
                <button key={n} type="button" className="challenge-number" aria-pressed={picked === n} onClick={() => setPicked(n)}>
                  {String(n).padStart(2, '0')}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="challenge-actions">
            <button type="button" className="button button-block" disabled={!answerable || picked === null} onClick={() => onAnswer('approve', picked)}>
              {item.phase === 'sending' ? 'Sending…' : picked === null ? 'Choose the number to approve' : `Approve with ${String(picked).padStart(2, '0')}`}
            </button>
            <div className="challenge-secondary">
              <button type="button" className="button button-secondary" disabled={!answerable} onClick={() => onAnswer('deny', null)}>
                Deny
              </button>
              <button type="button" className="button button-danger" disabled={!answerable} onClick={() => onAnswer('report-fraud', null)}>
                This wasn’t me
              </button>
            </div>
            <p className="wa-note">If you are not signing in right now, choose “This wasn’t me”: the sign-in is stopped and your administrator is told.</p>
          </div>
        </>
      ) : null}
      {expired ? <Alert tone="info">This request expired. Start the sign-in again if it was you.</Alert> : null}
      {item.result ? <Alert tone={item.result.tone}>{item.result.text}</Alert> : null}
      {item.phase === 'done' || item.phase === 'closed' || expired ? (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </article>
  );
}
