export * from './events';
export { authenticationDecider, MAX_PASSWORD_ATTEMPTS, MAX_SECOND_FACTOR_ATTEMPTS, type AuthenticationCommand, type AuthenticationState, type PrimaryPassedState } from './authentication-decider';
