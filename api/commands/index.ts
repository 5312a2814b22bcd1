export { createCommandHandler, type CommandHandler, type HandleResult } from './command-handler';
export { fold, type Decider, type DomainEvent } from './decider';
export type { CommandContext } from './command-context';
export { streamId } from './stream-id';
export { createCommandBus, type CommandBus } from './command-bus';
export type { ReadModelProgress } from './read-model-progress';
export { createDryRun, type DryRun, type DryRunResult } from './dry-run';
export { decideOnStream, type StreamDecision } from './decide-on-stream';
