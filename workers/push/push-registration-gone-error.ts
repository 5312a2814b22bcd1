import { PermanentJobError } from '../job-queue';

/**
 * A push transport's answer that the device's registration no longer exists at the push
 * service (Web Push 404/410, FCM UNREGISTERED, APNs 410): retrying cannot help, and the
 * worker stops using the registration until the device registers again.
 */
export class PushRegistrationGoneError extends PermanentJobError {
  override name = 'PushRegistrationGoneError';
}
