export * from './events';
export { adminSessionDecider, type AdminSessionCommand } from './admin-session-decider';
