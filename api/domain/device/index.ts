export * from './events';
export { deviceDecider, MAX_DEVICE_NAME, type ActiveDevice, type DeviceCommand, type DeviceState, type PushRegistration } from './device-decider';
export { keyThumbprint, parseDevicePublicKey, verifyDeviceSignature, type DevicePublicKeyJwk } from './device-signature';
export { canonicalJson, challengeAnswerPayload, channelProofPayload, deviceRequestPayload, type ChallengeDecision } from './signed-payloads';
