export * from './events';
export { challengeDecider, type AnsweringDevice, type ChallengeCommand, type ChallengeState } from './challenge-decider';
export { DEFAULT_PUSH_LIMITS, pushAllowance, recentWindowSeconds, type PushLimits, type RecentChallenge } from './push-limits';
