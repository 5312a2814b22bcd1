import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../api/eventstore';
import { tokenPackMailReactor } from './token-pack-mail.reactor';

describe('token pack mail reactor', () => {
  it('turns each requested send into one job on the mail queue, carrying no link', () => {
    const event = {
      eventId: 'e1',
      type: 'TokenPackSendRequested',
      streamId: 'tokenPack-acme-tp',
      data: { tokenPackId: 'tp', sendId: 's1', email: 'ada@example.com', enrollmentUrl: 'sealed:v1:k:i:u', expiresAt: '2030-01-15T00:00:00.000Z' },
      metadata: { tenantId: 'acme', actor: { kind: 'admin', id: 'a' }, correlationId: 'c', causationId: 'k', timestamp: '2030-01-01T00:00:00.000Z' },
      revision: 1n,
      position: 9n,
      recordedAt: '2030-01-01T00:00:00.000Z',
    } satisfies RecordedEvent;
    expect(tokenPackMailReactor.eventTypes).toEqual(['TokenPackSendRequested']);
    expect(tokenPackMailReactor.react(event)).toEqual([
      { queue: 'mail', name: 'token-pack', data: { tenantId: 'acme', tokenPackId: 'tp', sendId: 's1', email: 'ada@example.com' }, options: { attempts: 6, backoffMs: 5000 } },
    ]);
  });
});
