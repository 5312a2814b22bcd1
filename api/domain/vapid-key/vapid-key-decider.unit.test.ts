import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { VapidKeyEvent } from './events';
import { vapidKeyDecider } from './vapid-key-decider';

const publicKey = `BA${'A'.repeat(85)}`;
const generated: VapidKeyEvent = { type: 'VapidKeyGenerated', data: { publicKey, privateKey: 'sealed:v1:k:i:first' as Sealed } };

describe('VAPID key decider', () => {
  it('records the first key pair of the deployment', () => {
    expect(vapidKeyDecider.decide({ type: 'GenerateVapidKey', publicKey, privateKey: 'sealed:v1:k:i:first' as Sealed }, vapidKeyDecider.initialState)).toEqual([generated]);
  });

  it('keeps the first key when another start brings a new one, so existing browser subscriptions stay valid', () => {
    const state = fold(vapidKeyDecider, [generated]);
    expect(vapidKeyDecider.decide({ type: 'GenerateVapidKey', publicKey: `BP${'B'.repeat(85)}`, privateKey: 'sealed:v1:k:i:second' as Sealed }, state)).toEqual([]);
    expect(state).toEqual({ status: 'generated', publicKey, privateKey: 'sealed:v1:k:i:first' });
  });

  it('refuses a public key that is not an uncompressed P-256 point', () => {
    expect(() => vapidKeyDecider.decide({ type: 'GenerateVapidKey', publicKey: 'not-a-key', privateKey: 'sealed:v1:k:i:x' as Sealed }, vapidKeyDecider.initialState)).toThrow(/uncompressed P-256/);
  });
});
