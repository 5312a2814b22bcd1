import { describe, expect, it } from 'vitest';
import { tokenPackDecider, type TokenPackCommand, type TokenPackEvent } from '../domain/token-pack';
import type { AppError } from '../errors';
import type { RecordedEvent } from '../eventstore';
import { fold } from './decider';
import { createDryRun } from './dry-run';

const created: TokenPackEvent = {
  type: 'TokenPackCreated',
  data: {
    tokenPackId: 'tp', template: false, name: 'Staff phones', icon: null, primaryDirectoryId: null,
    theme: { primaryColor: '#1f4e79', accentColor: '#2e86de', logoUrl: null }, localUnlock: 'NONE',
  },
};
const recorded = (events: TokenPackEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({ ...e, eventId: `e${i}`, streamId: 'tokenPack-t1-tp', revision: BigInt(i), position: BigInt(i + 1), metadata: {} }) as unknown as RecordedEvent);

/** A stream as the dry run sees it: it can only be read, so there is nothing it could append. */
const readOnly = (events: TokenPackEvent[]) => {
  const stream = recorded(events);
  return { reads: [] as string[], async readStream(id: string) { this.reads.push(id); return stream; } };
};

const network = (cidr: string): TokenPackCommand => ({ type: 'AddTrustedNetwork', network: { networkId: 'n1', name: 'Office', cidr, description: '' } });

describe('dry run', () => {
  it('given the stream, answers the events decide would append and the state they lead to', async () => {
    const store = readOnly([created]);
    const result = await createDryRun({ store })(tokenPackDecider, 'tokenPack-t1-tp', network('10.1.2.0/24'));
    const expected = tokenPackDecider.decide(network('10.1.2.0/24'), fold(tokenPackDecider, [created]));
    expect(result.events).toEqual(expected);
    expect(result.state).toEqual(expected.reduce(tokenPackDecider.evolve, fold(tokenPackDecider, [created])));
    expect(store.reads).toEqual(['tokenPack-t1-tp']);
  });

  it('throws the same field errors as decide for input the command refuses', async () => {
    const store = readOnly([created]);
    const error = await createDryRun({ store })(tokenPackDecider, 'tokenPack-t1-tp', network('10.1.2.300/24')).catch((e: AppError) => e);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    let fromDecide: AppError | undefined;
    try {
      tokenPackDecider.decide(network('10.1.2.300/24'), fold(tokenPackDecider, [created]));
    } catch (e) {
      fromDecide = e as AppError;
    }
    expect((error as AppError).details).toEqual(fromDecide!.details);
    expect(Object.keys((error as AppError).details!.fields as object)).toEqual(['cidr']);
  });

  it('refuses a command the stream state does not allow, as the handler would', async () => {
    const store = readOnly([]);
    await expect(createDryRun({ store })(tokenPackDecider, 'tokenPack-t1-tp', network('10.0.0.0/8'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
