export * from './events';
export {
  enrollmentDecider,
  MAX_ACTIVATION_CODES,
  MAX_ENROLLMENT_ATTEMPTS,
  type EnrollmentCommand,
  type EnrollmentState,
  type NewActivationCode,
  type PresentedCode,
} from './enrollment-decider';
