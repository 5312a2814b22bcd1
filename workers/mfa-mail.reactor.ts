import type { EnrollmentEvent } from '../api/domain/enrollment';
import type { RecordedEvent } from '../api/eventstore';
import type { Reactor, ReactorJob } from './reactor';
import { MAIL_QUEUE } from './token-pack-mail.reactor';

/** Enrollment mail goes on the shared mail queue: activation codes and "a new device was added" notices. */
export const MFA_MAIL_QUEUE = MAIL_QUEUE;
export const ACTIVATION_MAIL_JOB = 'activation-code';
export const NEW_DEVICE_MAIL_JOB = 'new-device-notice';

export interface ActivationMailJob {
  tenantId: string;
  enrollmentId: string;
  codeId: string;
}

export interface NewDeviceMailJob {
  tenantId: string;
  enrollmentId: string;
  deviceId: string;
}

/** An activation code lives 15 minutes, so retries stay short: 5 tries over about a minute. */
const ACTIVATION_OPTIONS = { attempts: 5, backoffMs: 4_000 };
/** A notice can wait: 8 tries over about 20 minutes. */
const NOTICE_OPTIONS = { attempts: 8, backoffMs: 10_000 };

/** An emailed activation code, and every activation (when the directory has an address), each become one mail job. */
export const mfaMailReactor: Reactor = {
  name: 'mfa-mail',
  eventTypes: ['ActivationCodeIssued', 'EnrollmentActivated'],
  react(recorded: RecordedEvent): ReactorJob[] {
    const event = recorded as unknown as EnrollmentEvent;
    const tenantId = recorded.metadata.tenantId;
    if (event.type === 'ActivationCodeIssued' && event.data.delivery === 'email' && event.data.email) {
      const data: ActivationMailJob = { tenantId, enrollmentId: event.data.enrollmentId, codeId: event.data.codeId };
      return [{ queue: MFA_MAIL_QUEUE, name: ACTIVATION_MAIL_JOB, data, options: ACTIVATION_OPTIONS }];
    }
    if (event.type === 'EnrollmentActivated' && event.data.email) {
      const data: NewDeviceMailJob = { tenantId, enrollmentId: event.data.enrollmentId, deviceId: event.data.deviceId };
      return [{ queue: MFA_MAIL_QUEUE, name: NEW_DEVICE_MAIL_JOB, data, options: NOTICE_OPTIONS }];
    }
    return [];
  },
};
