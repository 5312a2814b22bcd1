import { AppError } from '../errors';
import { WrongExpectedRevisionError, newEventId as timeOrderedEventId, type AppendOptions, type EventStore, type NewEvent } from '../eventstore';
import type { CommandContext } from './command-context';
import type { Decider, DomainEvent } from './decider';
import { decideOnStream } from './decide-on-stream';
import { createDryRun } from './dry-run';

export interface HandleResult<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
  /** Global position of the last event written, or of the stream's head when nothing was written. */
  position: bigint;
}

export interface CommandHandlerDeps {
  store: EventStore;
  now: () => Date;
  newEventId?: () => string;
  /** Tries on a concurrency conflict before giving up with CONFLICT (default 5). */
  maxTries?: number;
}

/**
 * Loads a stream, decides, and appends with the expected revision; on a concurrency
 * conflict it reloads and decides again. This is the only way events are written.
 */
export function createCommandHandler(deps: CommandHandlerDeps) {
  const newEventId = deps.newEventId ?? timeOrderedEventId;
  const maxTries = deps.maxTries ?? 5;

  async function handle<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    context: CommandContext,
    options?: AppendOptions,
  ): Promise<HandleResult<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      const { recorded, state, events } = await decideOnStream(deps.store, decider, streamId, command);
      const last = recorded[recorded.length - 1];
      if (events.length === 0) return { events, state, position: last?.position ?? 0n };
      const metadata = {
        tenantId: context.tenantId,
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.causationId,
        timestamp: deps.now().toISOString(),
        ...(context.ip ? { ip: context.ip } : {}),
        ...(context.userAgent ? { userAgent: context.userAgent } : {}),
      };
      const toAppend: NewEvent[] = events.map((e) => ({ eventId: newEventId(), type: e.type, data: e.data, metadata }));
      try {
        const result = await deps.store.append(streamId, toAppend, last ? last.revision : 'no_stream', options);
        return { events, state: events.reduce(decider.evolve, state), position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= maxTries) throw new AppError('CONFLICT', undefined, undefined, { cause: error });
      }
    }
  }

  /** `handle.dryRun` decides on the same stream the same way, and appends nothing. */
  return Object.assign(handle, { dryRun: createDryRun({ store: deps.store }) });
}

export type CommandHandler = ReturnType<typeof createCommandHandler>;
