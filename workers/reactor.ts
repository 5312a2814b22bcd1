import type { RecordedEvent } from '../api/eventstore';
import type { JobOptions } from './job-queue';

/** A job a reactor wants done because of an event. */
export interface ReactorJob {
  queue: string;
  name: string;
  data: unknown;
  options?: Omit<JobOptions, 'jobId'>;
  /**
   * Names this job among the event's jobs (e.g. `deliver-push:<deviceId>`): its id becomes
   * `<reactor>:<eventId>:<key>` instead of taking a place number.
   */
  key?: string;
}

/**
 * Turns events into jobs, never doing the effect itself. The runner gives each job the id
 * `<reactor>:<eventId>[:<n>]` (or `<reactor>:<eventId>:<key>`), so replaying an event enqueues nothing new.
 */
export interface Reactor {
  name: string;
  eventTypes: readonly string[];
  react(event: RecordedEvent): ReactorJob[];
}
