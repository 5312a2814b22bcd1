import { useCallback } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { TokenPackSendsQuery } from '../graphql/TokenPackSendsQuery';
import type { TokenPackSend } from '../graphql/tokenPackTypes';
import { usePollWhile } from './usePollWhile';

export interface TokenPackSends {
  /** Newest first; empty until loaded. */
  sends: TokenPackSend[];
  loaded: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  /** True while any send waits for the mail worker. */
  queued: boolean;
  refresh(): void;
}

/**
 * A token pack's recent sends. While any is QUEUED (and `poll` is on) it asks again now and
 * then, backing off, until every send is SENT or FAILED. Several components may read the same
 * pack's sends; let only one of them poll.
 */
export function useTokenPackSends(tokenPackId: string, { poll = true }: { poll?: boolean } = {}): TokenPackSends {
  const [result, reexecute] = useQuery({ query: TokenPackSendsQuery, variables: { id: tokenPackId }, requestPolicy: 'cache-and-network' });
  const sends = result.data?.tokenPack.sends ?? [];
  const queued = sends.some((send) => send.status === 'QUEUED');
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePollWhile(poll && queued && !result.error, refresh, { restartKey: sends[0]?.id });
  return { sends, loaded: Boolean(result.data), fetching: result.fetching, error: result.error, queued, refresh };
}
