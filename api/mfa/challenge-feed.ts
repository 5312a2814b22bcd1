import type { ReadModelProgress } from '../commands';
import { challengeEventTypes } from '../domain/challenge';
import type { ChallengeQueries, ChallengeRow } from './internal/challenge-queries';
import type { DeviceQueries, DeviceRow } from './internal/device-queries';

type Listener<T> = (row: T) => void;

/** Whether a batch of these event types (unknown: maybe) can have changed what `wanted` names. */
const mayConcern = (eventTypes: ReadonlySet<string> | undefined, wanted: readonly string[]) => !eventTypes || wanted.some((type) => eventTypes.has(type));
const REVOCATIONS = ['DeviceRevoked'] as const;

/**
 * Live changes of challenges and device revocations for this node, from its read models:
 * one query per read-model advance (and none while nobody listens), fanned out to waiting
 * sign-in pages (by sign-in) and connected devices (by user). Works the same whether the
 * read models are projected in this process or by a projections process, and on every node.
 */
export function createChallengeFeed(deps: { progress: ReadModelProgress; challenges: ChallengeQueries; devices: DeviceQueries }) {
  const bySignIn = new Map<string, Set<Listener<ChallengeRow>>>();
  const byUser = new Map<string, Set<Listener<ChallengeRow>>>();
  const revocations = new Set<Listener<DeviceRow>>();
  let challengesSeen = deps.challenges.head();
  let devicesSeen = BigInt(deps.progress.position());

  const add = <T>(map: Map<string, Set<Listener<T>>>, key: string, listener: Listener<T>) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) map.delete(key);
    };
  };
  const safely = <T>(listener: Listener<T>, row: T) => {
    try {
      listener(row);
    } catch {
      // A listener's failure (a closed socket) must not stop the others.
    }
  };

  const stop = deps.progress.onAdvance((position, eventTypes) => {
    if (bySignIn.size + byUser.size > 0 && mayConcern(eventTypes, challengeEventTypes)) {
      for (const row of deps.challenges.changedSince(challengesSeen)) {
        if (BigInt(row.changed_position) > challengesSeen) challengesSeen = BigInt(row.changed_position);
        for (const listener of [...(bySignIn.get(row.sign_in_id) ?? [])]) safely(listener, row);
        for (const listener of [...(byUser.get(`${row.tenant_id}/${row.user_key}`) ?? [])]) safely(listener, row);
      }
    }
    if (position > challengesSeen) challengesSeen = position;
    if (revocations.size > 0 && mayConcern(eventTypes, REVOCATIONS)) {
      for (const row of deps.devices.revokedSince(devicesSeen)) for (const listener of [...revocations]) safely(listener, row);
    }
    devicesSeen = position;
  });

  return {
    /** Calls `listener` with each change of the sign-in's challenges; returns the unsubscribe. */
    watchSignIn: (signInId: string, listener: Listener<ChallengeRow>) => add(bySignIn, signInId, listener),
    /** Calls `listener` with each change of the user's challenges. */
    watchUser: (tenantId: string, userKey: string, listener: Listener<ChallengeRow>) => add(byUser, `${tenantId}/${userKey}`, listener),
    /** Calls `listener` with each device revoked from now on. */
    watchRevocations(listener: Listener<DeviceRow>) {
      revocations.add(listener);
      return () => void revocations.delete(listener);
    },
    close: () => void stop(),
  };
}

export type ChallengeFeed = ReturnType<typeof createChallengeFeed>;
