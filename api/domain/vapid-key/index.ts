export * from './events';
export { vapidKeyDecider, type VapidKeyCommand, type VapidKeyState } from './vapid-key-decider';
