import type { Actor } from '../eventstore';

/**
 * Who and what a command comes from; becomes every resulting event's metadata.
 * `correlationId` ties together all events of one sign-in, enrollment or request.
 */
export interface CommandContext {
  tenantId: string;
  actor: Actor;
  correlationId: string;
  /** Id of the command or event that caused this one. */
  causationId: string;
  ip?: string;
  userAgent?: string;
}
