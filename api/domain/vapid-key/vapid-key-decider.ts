import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { AppError } from '../../errors';
import type { VapidKeyEvent } from './events';

/** The key pair arrives made: deciders make no keys. */
export type VapidKeyCommand = { type: 'GenerateVapidKey'; publicKey: string; privateKey: Sealed };

export type VapidKeyState = { status: 'none' } | { status: 'generated'; publicKey: string; privateKey: Sealed };

const UNCOMPRESSED_P256 = /^B[A-P][A-Za-z0-9_-]{85}$/;

/**
 * The first key generated stays: a second start (or a second process starting at the same
 * time) that brings its own new key records nothing and uses the stored one.
 */
export const vapidKeyDecider: Decider<VapidKeyCommand, VapidKeyEvent, VapidKeyState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (state.status === 'generated') return [];
    if (!UNCOMPRESSED_P256.test(command.publicKey)) throw new AppError('BAD_USER_INPUT', 'The VAPID public key must be the base64url of an uncompressed P-256 point.');
    return [{ type: 'VapidKeyGenerated', data: { publicKey: command.publicKey, privateKey: command.privateKey } }];
  },
  evolve(state, event) {
    return state.status === 'generated' ? state : { status: 'generated', publicKey: event.data.publicKey, privateKey: event.data.privateKey };
  },
};
