import { createHash } from 'node:crypto';

/** The id of a built-in directory user: the connector, then a key from the lower-cased username. */
export function directoryUserId(connectorId: string, username: string): string {
  return `${connectorId}.${createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}
