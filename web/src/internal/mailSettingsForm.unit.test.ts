import { describe, expect, it } from 'vitest';
import { deliverySentence, mailSettingsFormValues, mailSettingsInput } from './mailSettingsForm';

describe('the Outgoing mail form', () => {
  it('says which server is in effect', () => {
    expect(deliverySentence({ delivery: 'ORGANISATION_SMTP', server: 'smtp.example.com:587', settings: null })).toBe('Using your server smtp.example.com:587.');
    expect(deliverySentence({ delivery: 'DEPLOYMENT_SMTP', server: 'relay:25', settings: null })).toBe('Using the server’s default (relay:25).');
    expect(deliverySentence({ delivery: 'OUTBOX', server: null, settings: null })).toBe('Writing mail to the outbox folder (no SMTP configured).');
  });

  it('sends empty optional fields as null and an empty password as "keep"', () => {
    const values = { ...mailSettingsFormValues(null), host: ' smtp.example.com ', fromAddress: 'it@example.com' };
    expect(mailSettingsInput(values)).toEqual({
      host: 'smtp.example.com', port: 587, security: 'STARTTLS', username: null, password: null, clearPassword: false, fromAddress: 'it@example.com', fromName: null, replyTo: null,
    });
    expect(mailSettingsInput({ ...values, port: 'abc' }).port).toBe(0);
  });
});
