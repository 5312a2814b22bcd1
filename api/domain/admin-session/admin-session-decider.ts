import type { Decider } from '../../commands';
import { AppError } from '../../errors';
import type { AdminSessionEvent, AdminSignInFailure } from './events';

export type AdminSessionCommand =
  | { type: 'SignIn'; sessionKey: string; adminId: string; email: string; expiresAt: string }
  | { type: 'SignOut' }
  | { type: 'RecordFailedSignIn'; email: string; reason: AdminSignInFailure };

export type AdminSessionState =
  | { status: 'none' }
  | { status: 'active'; sessionKey: string; adminId: string }
  | { status: 'ended' };

export const adminSessionDecider: Decider<AdminSessionCommand, AdminSessionEvent, AdminSessionState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'SignIn':
        if (state.status !== 'none') throw new AppError('CONFLICT', 'This session already exists.');
        return [
          {
            type: 'AdminSignedIn',
            data: { sessionKey: command.sessionKey, adminId: command.adminId, email: command.email, expiresAt: command.expiresAt },
          },
        ];
      case 'SignOut':
        if (state.status !== 'active') return [];
        return [{ type: 'AdminSignedOut', data: { sessionKey: state.sessionKey, adminId: state.adminId } }];
      case 'RecordFailedSignIn':
        if (state.status !== 'none') throw new AppError('CONFLICT', 'A failed sign-in is recorded in a stream of its own.');
        return [{ type: 'AdminSignInFailed', data: { email: command.email, reason: command.reason } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AdminSignedIn':
        return { status: 'active', sessionKey: event.data.sessionKey, adminId: event.data.adminId };
      case 'AdminSignedOut':
        return { status: 'ended' };
      case 'AdminSignInFailed':
        return { status: 'ended' };
    }
  },
};
