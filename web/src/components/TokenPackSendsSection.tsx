import type { TokenPackSends } from '../hooks/useTokenPackSends';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';
import { Icon } from './Icon';
import { LoadingStatus } from './LoadingStatus';
import { TokenPackSendsTable } from './TokenPackSendsTable';

export interface TokenPackSendsSectionProps {
  packName: string;
  feed: TokenPackSends;
  titleId: string;
  onSend: () => void;
}

/** A token pack's recent emails and what became of them, refreshed while any is still queued. */
export function TokenPackSendsSection({ packName, feed, titleId, onSend }: TokenPackSendsSectionProps) {
  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId}>Recent emails</h2>
          <p className="page-intro">
            The last 20 emails of this pack.{' '}
            {feed.queued ? 'Checking every few seconds while any is queued.' : null}
          </p>
        </div>
        <div className="section-actions">
          <button type="button" className="button button-secondary" onClick={feed.refresh}>
            <Icon name="rotate" /> Refresh
          </button>
          <button type="button" className="button" onClick={onSend}>
            <Icon name="envelope" /> Send
          </button>
        </div>
      </div>
      {feed.error ? <Alert title="The emails could not be loaded">{describeError(feed.error).message}</Alert> : null}
      {!feed.loaded && !feed.error ? (
        <LoadingStatus>Loading emails…</LoadingStatus>
      ) : feed.loaded && feed.sends.length === 0 ? (
        <p className="empty-note">Not sent to anyone yet. Send it to the people who should enrol the authenticator.</p>
      ) : feed.loaded ? (
        <TokenPackSendsTable sends={feed.sends} caption={`Recent emails of “${packName}”`} />
      ) : null}
    </>
  );
}
