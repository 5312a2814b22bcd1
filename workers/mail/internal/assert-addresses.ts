import addressparser from 'nodemailer/lib/addressparser';
import { PermanentJobError } from '../../job-queue';
import type { MailMessage } from '../mail-transport';

const mailbox = /^[^\s@]+@[^\s@]+$/;

/** Refuses, for good, a message whose `to` or `from` holds no usable email address. */
export function assertAddresses(message: MailMessage): void {
  for (const field of ['to', 'from'] as const) {
    const addresses = addressparser(message[field], { flatten: true });
    if (addresses.length === 0 || addresses.some(({ address }) => !mailbox.test(address))) {
      throw new PermanentJobError(`The ${field === 'to' ? 'recipient' : 'sender'} "${message[field]}" is not an email address.`);
    }
  }
}
