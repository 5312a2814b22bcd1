import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { AppError } from '../../errors';
import type { ActivationDelivery, ActivationFailure, EnrollmentEvent } from './events';

/** Wrong passwords, or refused activation codes, one enrollment takes before it ends. */
export const MAX_ENROLLMENT_ATTEMPTS = 5;
/** Activation codes one enrollment may issue (each directory sign-in issues a fresh one). */
export const MAX_ACTIVATION_CODES = 5;

/** A new activation code as the service made it: only its hash, and for email the sealed code. */
export interface NewActivationCode {
  codeId: string;
  codeHash: string;
  expiresAt: string;
  delivery: ActivationDelivery;
  sealedCode: Sealed | null;
}

/** An activation code as the authenticator presented it: `<enrollmentId>.<secret>` split up. */
export interface PresentedCode {
  enrollmentId: string;
  secretHash: string;
}

export type EnrollmentCommand =
  | { type: 'StartEnrollment'; enrollmentId: string; tokenPackId: string; sendId: string; directoryConnectorId: string; enrollmentKeyHash: string; expiresAt: string }
  | {
      type: 'PassPrimary';
      keyHash: string;
      now: string;
      user: { username: string; userKey: string; email: string | null; displayName: string };
      trustedNetwork: string | null;
      code: NewActivationCode;
    }
  | { type: 'FailPrimary'; keyHash: string; now: string; username: string; reason: string }
  | { type: 'Activate'; keyHash: string; now: string; code: PresentedCode; deviceId: string; deviceName: string; keyThumbprint: string }
  | { type: 'RecordActivationFailure'; reason: ActivationFailure }
  | { type: 'RecordActivationEmail'; codeId: string; outcome: { sent: true; messageId: string } | { sent: false; reason: string; final: boolean } }
  | { type: 'RecordNewDeviceNotice'; outcome: { sent: true; messageId: string } | { sent: false; reason: string; final: boolean } }
  | { type: 'Expire'; now: string };

interface IssuedCode {
  codeId: string;
  codeHash: string;
  expiresAt: string;
  email: string | null;
}

export type EnrollmentState =
  | { status: 'none' }
  | {
      status: 'awaiting_primary' | 'awaiting_activation' | 'activated' | 'failed' | 'expired';
      enrollmentId: string;
      tokenPackId: string;
      directoryConnectorId: string;
      keyHash: string;
      expiresAt: string;
      user?: { username: string; userKey: string; email: string | null; displayName: string };
      codes: readonly IssuedCode[];
      usedCodeId?: string;
      deviceId?: string;
      passwordFailures: number;
      activationFailures: number;
    };

type Live = Exclude<EnrollmentState, { status: 'none' }>;

function assertStep(state: EnrollmentState, keyHash: string, now: string): asserts state is Live {
  if (state.status === 'none') throw new AppError('NOT_FOUND', 'No such enrollment; open the token pack link again.');
  if (state.keyHash !== keyHash) throw new AppError('UNAUTHENTICATED', 'This enrollment was started by another authenticator; open the token pack link again on this one.');
  if (state.status === 'failed') throw new AppError('ENROLLMENT_ENDED');
  if (state.status === 'expired' || (state.status !== 'activated' && state.expiresAt <= now)) throw new AppError('ENROLLMENT_EXPIRED');
}

export const enrollmentDecider: Decider<EnrollmentCommand, EnrollmentEvent, EnrollmentState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'StartEnrollment': {
        if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'This enrollment already exists.');
        const { type: _, ...data } = command;
        return [{ type: 'EnrollmentStarted', data }];
      }
      case 'PassPrimary': {
        assertStep(state, command.keyHash, command.now);
        if (state.status === 'activated') throw new AppError('CONFLICT', 'This enrollment is complete: the device is already activated.');
        if (state.codes.length >= MAX_ACTIVATION_CODES) throw new AppError('ENROLLMENT_ENDED', 'Too many activation codes were sent for this enrollment; open the token pack link again.');
        if (command.code.delivery === 'email' && !command.user.email) {
          throw new AppError('BAD_USER_INPUT', 'Your directory account has no email address to send the activation code to; ask your administrator to add one, or enrol from a trusted network.');
        }
        const { enrollmentId } = state;
        return [
          { type: 'EnrollmentPrimaryAuthPassed', data: { enrollmentId, ...command.user, trustedNetwork: command.trustedNetwork } },
          { type: 'ActivationCodeIssued', data: { enrollmentId, ...command.code, email: command.code.delivery === 'email' ? command.user.email : null } },
        ];
      }
      case 'FailPrimary': {
        assertStep(state, command.keyHash, command.now);
        if (state.status === 'activated') throw new AppError('CONFLICT', 'This enrollment is complete: the device is already activated.');
        const failed: EnrollmentEvent = { type: 'EnrollmentPrimaryAuthFailed', data: { enrollmentId: state.enrollmentId, username: command.username, reason: command.reason } };
        if (state.passwordFailures + 1 < MAX_ENROLLMENT_ATTEMPTS) return [failed];
        return [failed, { type: 'EnrollmentFailed', data: { enrollmentId: state.enrollmentId, reason: `${MAX_ENROLLMENT_ATTEMPTS} failed directory sign-ins.` } }];
      }
      case 'Activate': {
        if (state.status !== 'none' && command.code.enrollmentId !== state.enrollmentId) throw new AppError('ACTIVATION_CODE_OTHER_ENROLLMENT');
        assertStep(state, command.keyHash, command.now);
        const code = state.codes.find((c) => c.codeHash === command.code.secretHash);
        if (state.status === 'activated') throw new AppError('ACTIVATION_CODE_USED');
        if (state.status === 'awaiting_primary') throw new AppError('CONFLICT', 'Sign in with your directory account first; the activation code comes after that.');
        if (!code) throw new AppError('ACTIVATION_CODE_INVALID');
        if (code !== state.codes[state.codes.length - 1]) throw new AppError('ACTIVATION_CODE_INVALID', 'A newer activation code was sent for this enrollment; use the one from the latest email.');
        if (code.expiresAt <= command.now) throw new AppError('ACTIVATION_CODE_EXPIRED');
        const user = state.user!;
        return [{
          type: 'EnrollmentActivated',
          data: { enrollmentId: state.enrollmentId, codeId: code.codeId, deviceId: command.deviceId, deviceName: command.deviceName, keyThumbprint: command.keyThumbprint, username: user.username, userKey: user.userKey, email: user.email },
        }];
      }
      case 'RecordActivationFailure': {
        if (state.status === 'none') return [];
        const failed: EnrollmentEvent = { type: 'ActivationFailed', data: { enrollmentId: state.enrollmentId, reason: command.reason } };
        if (state.status !== 'awaiting_activation' || state.activationFailures + 1 < MAX_ENROLLMENT_ATTEMPTS) return [failed];
        return [failed, { type: 'EnrollmentFailed', data: { enrollmentId: state.enrollmentId, reason: `${MAX_ENROLLMENT_ATTEMPTS} refused activation codes.` } }];
      }
      case 'RecordActivationEmail': {
        if (state.status === 'none') return [];
        const code = state.codes.find((c) => c.codeId === command.codeId);
        if (!code?.email) return [];
        const { enrollmentId } = state;
        return command.outcome.sent
          ? [{ type: 'ActivationEmailSent', data: { enrollmentId, codeId: code.codeId, email: code.email, messageId: command.outcome.messageId } }]
          : [{ type: 'ActivationEmailFailed', data: { enrollmentId, codeId: code.codeId, email: code.email, reason: command.outcome.reason, final: command.outcome.final } }];
      }
      case 'RecordNewDeviceNotice': {
        if (state.status !== 'activated' || !state.user?.email || !state.deviceId) return [];
        const base = { enrollmentId: state.enrollmentId, deviceId: state.deviceId, email: state.user.email };
        return command.outcome.sent
          ? [{ type: 'NewDeviceNoticeSent', data: { ...base, messageId: command.outcome.messageId } }]
          : [{ type: 'NewDeviceNoticeFailed', data: { ...base, reason: command.outcome.reason, final: command.outcome.final } }];
      }
      case 'Expire':
        if (state.status !== 'awaiting_primary' && state.status !== 'awaiting_activation') return [];
        if (state.expiresAt > command.now) return [];
        return [{ type: 'EnrollmentExpired', data: { enrollmentId: state.enrollmentId } }];
    }
  },
  evolve(state, event) {
    if (event.type === 'EnrollmentStarted') {
      const d = event.data;
      return {
        status: 'awaiting_primary', enrollmentId: d.enrollmentId, tokenPackId: d.tokenPackId, directoryConnectorId: d.directoryConnectorId,
        keyHash: d.enrollmentKeyHash, expiresAt: d.expiresAt, codes: [], passwordFailures: 0, activationFailures: 0,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'EnrollmentPrimaryAuthPassed': {
        const { enrollmentId: _, trustedNetwork: __, ...user } = event.data;
        return { ...state, user };
      }
      case 'EnrollmentPrimaryAuthFailed':
        return { ...state, passwordFailures: state.passwordFailures + 1 };
      case 'ActivationCodeIssued':
        return { ...state, status: 'awaiting_activation', codes: [...state.codes, { codeId: event.data.codeId, codeHash: event.data.codeHash, expiresAt: event.data.expiresAt, email: event.data.email }] };
      case 'ActivationFailed':
        return { ...state, activationFailures: state.activationFailures + 1 };
      case 'EnrollmentActivated':
        return { ...state, status: 'activated', usedCodeId: event.data.codeId, deviceId: event.data.deviceId };
      case 'EnrollmentFailed':
        return { ...state, status: 'failed' };
      case 'EnrollmentExpired':
        return { ...state, status: 'expired' };
      case 'ActivationEmailSent':
      case 'ActivationEmailFailed':
      case 'NewDeviceNoticeSent':
      case 'NewDeviceNoticeFailed':
        return state;
    }
  },
};
