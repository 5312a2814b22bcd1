import type { EventStore } from '../eventstore';
import type { Decider, DomainEvent } from './decider';
import { decideOnStream } from './decide-on-stream';

/** What a command would do: the events it would append and the state they would lead to. */
export interface DryRunResult<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
}

/**
 * Runs a command against its stream exactly as the command handler does (load, fold,
 * `decide`), throwing the same AppErrors, but never appends: what forms use to check input as
 * an admin types it.
 */
export function createDryRun(deps: { store: Pick<EventStore, 'readStream'> }) {
  return async function dryRun<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
  ): Promise<DryRunResult<Event, State>> {
    const { state, events } = await decideOnStream(deps.store, decider, streamId, command);
    return { events, state: events.reduce(decider.evolve, state) };
  };
}

export type DryRun = ReturnType<typeof createDryRun>;
