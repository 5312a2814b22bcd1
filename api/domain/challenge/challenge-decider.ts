import type { Decider } from '../../commands';
import { challengeAnswerPayload, verifyDeviceSignature, type ChallengeDecision, type DevicePublicKeyJwk } from '../device';
import { AppError } from '../../errors';
import type { ChallengeEvent, ChallengeStatus, IssuedChallenge } from './events';
import { pushAllowance, type PushLimits, type RecentChallenge } from './push-limits';

/** The answering device as its own stream shows it right now (null when it does not exist). */
export interface AnsweringDevice {
  status: 'active' | 'revoked';
  publicKey: DevicePublicKeyJwk;
}

export type ChallengeCommand =
  /** `recent`: the user's other challenges from the read model, reaching back `recentWindowSeconds`. */
  | { type: 'IssueChallenge'; challenge: IssuedChallenge; recent: readonly RecentChallenge[]; limits: PushLimits }
  | { type: 'RecordDelivery'; deviceId: string; channel: string }
  /** The push worker could not hand the notice to a device's push service (`reason` is for admins). */
  | { type: 'RecordDeliveryFailure'; deviceId: string; channel: string; reason: string; final: boolean }
  | { type: 'Answer'; deviceId: string; device: AnsweringDevice | null; decision: ChallengeDecision; number: number | null; signature: string; now: string }
  | { type: 'Expire'; now: string }
  | { type: 'Cancel'; reason: 'CODE_USED' | 'SUPERSEDED' | 'SIGN_IN_ENDED' };

export type ChallengeState =
  | { status: 'none' }
  | { status: 'suppressed' }
  | { status: Exclude<ChallengeStatus, 'SUPPRESSED'>; challenge: IssuedChallenge; delivered: readonly string[]; decidedBy?: string };

export const challengeDecider: Decider<ChallengeCommand, ChallengeEvent, ChallengeState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'IssueChallenge') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'This challenge already exists.');
      const c = command.challenge;
      if (c.deviceIds.length === 0) throw new AppError('BAD_USER_INPUT', 'The user has no active device to send a push to.');
      if (!c.numberChoices.includes(c.number)) throw new AppError('BAD_USER_INPUT', 'The number to match must be one of the choices.');
      const allowance = pushAllowance(command.recent, c.issuedAt, command.limits);
      if (!allowance.allowed) {
        return [{
          type: 'PushChallengeSuppressed',
          data: { challengeId: c.challengeId, signInId: c.signInId, userKey: c.userKey, username: c.username, serviceId: c.serviceId, serviceName: c.serviceName, reason: allowance.reason, retryAfterSeconds: allowance.retryAfterSeconds },
        }];
      }
      return [{ type: 'PushChallengeIssued', data: c }];
    }
    if (state.status === 'none' || state.status === 'suppressed') throw new AppError('NOT_FOUND', 'No such sign-in request.');
    const { challenge } = state;
    const ids = { challengeId: challenge.challengeId, signInId: challenge.signInId };
    switch (command.type) {
      case 'RecordDelivery':
        if (state.status !== 'PENDING' || !challenge.deviceIds.includes(command.deviceId) || state.delivered.includes(command.deviceId)) return [];
        return [{ type: 'PushDelivered', data: { challengeId: challenge.challengeId, deviceId: command.deviceId, channel: command.channel } }];
      case 'RecordDeliveryFailure':
        if (!challenge.deviceIds.includes(command.deviceId)) return [];
        return [{ type: 'PushDeliveryFailed', data: { challengeId: challenge.challengeId, deviceId: command.deviceId, channel: command.channel, reason: command.reason.slice(0, 300), final: command.final } }];
      case 'Answer': {
        // 1. Who answers: a device the challenge went to, still active, with a valid signature.
        if (!challenge.deviceIds.includes(command.deviceId)) throw new AppError('CHALLENGE_NOT_FOR_DEVICE');
        if (!command.device || command.device.status !== 'active') throw new AppError('DEVICE_REVOKED');
        const payload = challengeAnswerPayload({ challengeId: challenge.challengeId, decision: command.decision, number: command.number });
        if (!verifyDeviceSignature(command.device.publicKey, payload, command.signature)) throw new AppError('DEVICE_SIGNATURE_INVALID');
        // 2. Whether it can still be answered.
        if (state.status === 'EXPIRED' || (state.status === 'PENDING' && challenge.expiresAt <= command.now)) throw new AppError('CHALLENGE_EXPIRED');
        if (state.status !== 'PENDING') throw new AppError('CHALLENGE_NOT_PENDING');
        // 3. The decision; an approval must carry the number the sign-in page shows.
        const by = { ...ids, deviceId: command.deviceId };
        if (command.decision === 'approve') {
          if (command.number !== challenge.number) return [{ type: 'ChallengeFailed', data: { ...by, reason: 'WRONG_NUMBER', chosen: command.number } }];
          return [{ type: 'ChallengeApproved', data: { ...by, number: challenge.number } }];
        }
        if (command.decision === 'deny') return [{ type: 'ChallengeDenied', data: { ...by, fraud: false } }];
        return [
          { type: 'ChallengeDenied', data: { ...by, fraud: true } },
          { type: 'FraudReported', data: { ...by, userKey: challenge.userKey, username: challenge.username, serviceName: challenge.serviceName, clientIp: challenge.clientIp, browser: challenge.browser } },
        ];
      }
      case 'Expire':
        if (state.status !== 'PENDING' || challenge.expiresAt > command.now) return [];
        return [{ type: 'ChallengeExpired', data: ids }];
      case 'Cancel':
        if (state.status !== 'PENDING') return [];
        return [{ type: 'ChallengeCancelled', data: { ...ids, reason: command.reason } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PushChallengeIssued':
        return { status: 'PENDING', challenge: event.data, delivered: [] };
      case 'PushChallengeSuppressed':
        return { status: 'suppressed' };
      case 'FraudReported':
      case 'PushDeliveryFailed':
        return state;
    }
    if (state.status === 'none' || state.status === 'suppressed') return state;
    switch (event.type) {
      case 'PushDelivered':
        return { ...state, delivered: [...state.delivered, event.data.deviceId] };
      case 'ChallengeApproved':
        return { ...state, status: 'APPROVED', decidedBy: event.data.deviceId };
      case 'ChallengeDenied':
        return { ...state, status: event.data.fraud ? 'FRAUD_REPORTED' : 'DENIED', decidedBy: event.data.deviceId };
      case 'ChallengeFailed':
        return { ...state, status: 'WRONG_NUMBER', decidedBy: event.data.deviceId };
      case 'ChallengeExpired':
        return { ...state, status: 'EXPIRED' };
      case 'ChallengeCancelled':
        return { ...state, status: 'CANCELLED' };
    }
  },
};
