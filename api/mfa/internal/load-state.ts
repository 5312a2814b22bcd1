import { fold, type Decider, type DomainEvent } from '../../commands';
import type { EventStore } from '../../eventstore';

/** An aggregate's current state from its own stream: what rules that must not lag read (revocation, replay). */
export async function loadState<C, E extends DomainEvent, S>(store: EventStore, decider: Decider<C, E, S>, stream: string): Promise<S> {
  return fold(decider, (await store.readStream(stream)) as unknown as E[]);
}
