import type { CommandContext } from './command-context';
import type { CommandHandler, HandleResult } from './command-handler';
import type { Decider, DomainEvent } from './decider';
import type { ReadModelProgress } from './read-model-progress';

/**
 * Handles a command and returns once this node's read models show its events, so the
 * caller (a GraphQL mutation, the sign-in page) reads its own writes.
 */
export function createCommandBus(deps: { handle: CommandHandler; progress: ReadModelProgress; readWaitMs: number }) {
  async function execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    stream: string,
    command: Command,
    context: CommandContext,
  ): Promise<HandleResult<Event, State>> {
    const result = await deps.handle(decider, stream, command, context);
    if (result.events.length > 0) await deps.progress.waitFor(result.position, deps.readWaitMs);
    return result;
  }

  /** `execute.dryRun` decides as `execute` would and returns the events without appending them. */
  return Object.assign(execute, { dryRun: deps.handle.dryRun });
}

export type CommandBus = ReturnType<typeof createCommandBus>;
