export * from './events';
export { deviceDecider, MAX_DEVICE_NAME, type ActiveDevice, type DeviceCommand, type DeviceState, type PushRegistration } from './device-decider';
export {
  canonicalJson,
  challengeAnswerPayload,
  channelProofPayload,
  deviceRequestPayload,
  keyThumbprint,
  parseDevicePublicKey,
  verifyDeviceSignature,
  type ChallengeDecision,
  type DevicePublicKeyJwk,
} from './device-signature';
