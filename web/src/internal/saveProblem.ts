import type { CombinedError } from 'urql';
import { describeError } from './describeError';
import { friendlyFieldErrors } from './friendlyFieldErrors';

/** What saving a form answered when it failed: a message and per-field messages. */
export interface SaveProblem {
  message: string;
  fields: Record<string, string>;
}

/** A failed save as a form shows it: the server's message and its field messages as sentences. */
export function saveProblem(error: CombinedError): SaveProblem {
  const info = describeError(error);
  return { message: info.message, fields: friendlyFieldErrors(info.fields) };
}
