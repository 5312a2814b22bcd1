import type { STOP_THREAD } from '../../api/runtime/supervised-thread';

/** What the main thread tells the projection thread. */
export type ToProjectionThread =
  /** Events up to `position` are on disk: project them. */
  | { type: 'durable'; position: bigint }
  /** Drop audit rows past each tenant's retention (hourly). */
  | { type: 'prune-audit'; now: string }
  | typeof STOP_THREAD;

/** What the projection thread tells the main thread. */
export type FromProjectionThread =
  /** Caught up with the store as it was at start. */
  | { type: 'ready'; position: bigint }
  /** Every read model is applied up to `position`, `lagMs` after its event was recorded; the batch held these event types. */
  | { type: 'advanced'; position: bigint; lagMs: number; eventTypes: string[] }
  /** A batch failed: rolled back, the runner resumes from its checkpoints. */
  | { type: 'error'; message: string; stack?: string };

/** What the projection thread is started with. */
export interface ProjectionThreadData {
  eventsFile: string;
  readModelFile: string;
  durableHead: bigint;
}
