import type { EventStore, RecordedEvent } from '../eventstore';
import { fold, type Decider, type DomainEvent } from './decider';

/** A stream's recorded events, the state they fold to, and what the decider makes of a command there. */
export interface StreamDecision<Event extends DomainEvent, State> {
  recorded: RecordedEvent[];
  state: State;
  events: Event[];
}

/**
 * Loads a stream, folds it and runs `decide`: the one place a command meets its stream's state,
 * for the command handler (which then appends) and the dry run (which never does). Throws
 * whatever AppError the decider throws.
 */
export async function decideOnStream<Command, Event extends DomainEvent, State>(
  store: Pick<EventStore, 'readStream'>,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
): Promise<StreamDecision<Event, State>> {
  const recorded = await store.readStream(streamId);
  const state = fold(decider, recorded as unknown as Event[]);
  return { recorded, state, events: decider.decide(command, state) };
}
