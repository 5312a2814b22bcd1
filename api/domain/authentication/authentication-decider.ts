import type { Decider } from '../../commands';
import type { DirectoryUserProfile } from '../../directory/directory';
import { AppError } from '../../errors';
import type { AuthenticationEvent, SignInRequest } from './events';

/** Wrong passwords one sign-in accepts before it ends; the rate limiter also counts them. */
export const MAX_PASSWORD_ATTEMPTS = 5;
/** Failed second-factor attempts (wrong number, wrong or reused code) one sign-in accepts. */
export const MAX_SECOND_FACTOR_ATTEMPTS = 5;

export type AuthenticationCommand =
  | { type: 'ReceiveRequest'; signInId: string; request: SignInRequest }
  | { type: 'RejectRequest'; serviceId: string; code: string; reason: string }
  | { type: 'PassPrimary'; username: string; authnInstant: string; profile: DirectoryUserProfile; viaSession: boolean; session?: { sessionKey: string; expiresAt: string } }
  | { type: 'FailPrimary'; username: string; reason: string; adminMessage: string; diagnostic?: string }
  | { type: 'PassSecondFactor'; method: 'push' | 'totp'; deviceId: string; challengeId?: string }
  | { type: 'FailSecondFactor'; method: 'push' | 'totp'; reason: string }
  | { type: 'IssueAssertion'; responseId: string; assertionId: string; sessionIndex: string; subject: string }
  | { type: 'Fail'; code: string; reason: string }
  | { type: 'EndIdpSession'; sessionKey: string };

/** A sign-in whose first factor passed: waiting for the second factor, or ready to answer. */
export interface PrimaryPassedState {
  status: 'awaiting_second_factor' | 'ready';
  request: SignInRequest;
  username: string;
  authnInstant: string;
  profile: DirectoryUserProfile;
  mfa: boolean;
  secondFactorFailures?: number;
}

export type AuthenticationState =
  | { status: 'none' }
  | { status: 'awaiting_password'; request: SignInRequest; failedAttempts: number }
  | PrimaryPassedState
  | { status: 'completed' | 'failed' | 'rejected' };

const ended = (status: string) => new AppError('CONFLICT', status === 'completed' ? 'This sign-in is already complete; start again from the application.' : 'This sign-in has ended; start again from the application.');

export const authenticationDecider: Decider<AuthenticationCommand, AuthenticationEvent, AuthenticationState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'ReceiveRequest':
        if (state.status !== 'none') throw new AppError('CONFLICT', 'This sign-in already exists.');
        return [{ type: 'AuthnRequestReceived', data: { ...command.request, signInId: command.signInId } }];
      case 'RejectRequest':
        if (state.status !== 'none') throw new AppError('CONFLICT', 'A rejected request is recorded in a stream of its own.');
        return [{ type: 'AuthnRequestRejected', data: { serviceId: command.serviceId, code: command.code, reason: command.reason } }];
      case 'PassPrimary': {
        if (state.status !== 'awaiting_password') throw ended(state.status);
        const events: AuthenticationEvent[] = [
          { type: 'PrimaryAuthSucceeded', data: { username: command.username, authnInstant: command.authnInstant, profile: command.profile, viaSession: command.viaSession } },
        ];
        if (command.session) {
          events.push({
            type: 'IdpSessionStarted',
            data: { ...command.session, username: command.username, directoryConnectorId: state.request.directoryConnectorId, authnInstant: command.authnInstant, profile: command.profile },
          });
        }
        return events;
      }
      case 'FailPrimary': {
        if (state.status !== 'awaiting_password') throw ended(state.status);
        const failed: AuthenticationEvent = { type: 'PrimaryAuthFailed', data: { username: command.username, reason: command.reason, adminMessage: command.adminMessage, ...(command.diagnostic ? { diagnostic: command.diagnostic } : {}) } };
        if (state.failedAttempts + 1 < MAX_PASSWORD_ATTEMPTS) return [failed];
        return [failed, { type: 'AuthenticationFailed', data: { code: 'TOO_MANY_ATTEMPTS', reason: `${MAX_PASSWORD_ATTEMPTS} wrong passwords in one sign-in.` } }];
      }
      case 'PassSecondFactor':
        if (state.status === 'ready' && state.mfa) return [];
        if (state.status !== 'awaiting_second_factor') throw ended(state.status);
        return [{ type: 'SecondFactorPassed', data: { method: command.method, deviceId: command.deviceId, ...(command.challengeId ? { challengeId: command.challengeId } : {}) } }];
      case 'FailSecondFactor': {
        if (state.status !== 'awaiting_second_factor') throw ended(state.status);
        const failed: AuthenticationEvent = { type: 'SecondFactorFailed', data: { method: command.method, reason: command.reason } };
        if ((state.secondFactorFailures ?? 0) + 1 < MAX_SECOND_FACTOR_ATTEMPTS) return [failed];
        return [failed, { type: 'AuthenticationFailed', data: { code: 'TOO_MANY_ATTEMPTS', reason: `${MAX_SECOND_FACTOR_ATTEMPTS} failed second-factor attempts in one sign-in.` } }];
      }
      case 'IssueAssertion': {
        const issued: AuthenticationEvent = {
          type: 'AssertionIssued',
          data: { responseId: command.responseId, assertionId: command.assertionId, sessionIndex: command.sessionIndex, subject: command.subject, mfa: state.status === 'ready' && state.mfa, acsUrl: state.status === 'ready' || state.status === 'awaiting_second_factor' ? state.request.acsUrl : '' },
        };
        if (state.status === 'ready') return [issued];
        if (state.status !== 'awaiting_second_factor') throw ended(state.status);
        // Only a service whose policy is explicitly OFF answers without a second factor.
        if (state.request.secondFactor !== 'OFF') throw new AppError('FORBIDDEN', 'The second factor has not been passed.');
        return [{ type: 'SecondFactorSkipped', data: { policy: 'OFF' } }, issued];
      }
      case 'EndIdpSession':
        return [{ type: 'IdpSessionEnded', data: { sessionKey: command.sessionKey, reason: 'LOGOUT' } }];
      case 'Fail':
        if (state.status === 'completed' || state.status === 'failed' || state.status === 'rejected') return [];
        return [{ type: 'AuthenticationFailed', data: { code: command.code, reason: command.reason } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AuthnRequestReceived': {
        const { signInId: _, ...request } = event.data;
        return { status: 'awaiting_password', request, failedAttempts: 0 };
      }
      case 'AuthnRequestRejected':
        return { status: 'rejected' };
      case 'PrimaryAuthSucceeded':
        if (state.status !== 'awaiting_password') return state;
        return { status: 'awaiting_second_factor', request: state.request, username: event.data.username, authnInstant: event.data.authnInstant, profile: event.data.profile, mfa: false };
      case 'PrimaryAuthFailed':
        return state.status === 'awaiting_password' ? { ...state, failedAttempts: state.failedAttempts + 1 } : state;
      case 'SecondFactorPassed':
        return state.status === 'awaiting_second_factor' ? { ...state, status: 'ready', mfa: true } : state;
      case 'SecondFactorFailed':
        return state.status === 'awaiting_second_factor' ? { ...state, secondFactorFailures: (state.secondFactorFailures ?? 0) + 1 } : state;
      case 'SecondFactorSkipped':
        return state.status === 'awaiting_second_factor' ? { ...state, status: 'ready' } : state;
      case 'IdpSessionStarted':
      case 'IdpSessionEnded':
        return state;
      case 'AssertionIssued':
        return { status: 'completed' };
      case 'AuthenticationFailed':
        return { status: 'failed' };
    }
  },
};
