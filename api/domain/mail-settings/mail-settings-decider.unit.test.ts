import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { MailSettingsEvent } from './events';
import { mailSettingsDecider, type MailSettingsCommand, type MailSettingsInput } from './mail-settings-decider';

const sealed = 'sealed:v1:k:iv:secret' as Sealed;
const other = 'sealed:v1:k:iv:other' as Sealed;
const input = (overrides: Partial<MailSettingsInput> = {}): MailSettingsInput => ({
  host: 'smtp.example.com',
  port: 587,
  security: 'STARTTLS',
  username: 'mailer',
  fromAddress: 'it@example.com',
  fromName: 'Example IT',
  replyTo: null,
  password: { kind: 'set', sealed },
  ...overrides,
});
const saved: MailSettingsEvent = {
  type: 'MailSettingsUpdated',
  data: { host: 'smtp.example.com', port: 587, security: 'STARTTLS', username: 'mailer', password: sealed, fromAddress: 'it@example.com', fromName: 'Example IT', replyTo: null },
};
const given = (events: MailSettingsEvent[]) => ({
  when: (command: MailSettingsCommand) => () => mailSettingsDecider.decide(command, fold(mailSettingsDecider, events)),
});
const update = (overrides: Partial<MailSettingsInput> = {}): MailSettingsCommand => ({ type: 'UpdateMailSettings', settings: input(overrides) });

describe('mail settings decider', () => {
  it('saves settings with the sealed password, trimmed and with the host in lower case', () => {
    const events = given([]).when(update({ host: ' SMTP.Example.com. ', fromAddress: ' it@example.com ', fromName: ' Example IT ', replyTo: '' }))();
    expect(events).toEqual([saved]);
  });

  it('keeps the stored password when none is given, and saving the same settings writes nothing', () => {
    expect(given([saved]).when(update({ password: { kind: 'keep' } }))()).toEqual([]);
    const events = given([saved]).when(update({ password: { kind: 'keep' }, port: 2525 }))();
    expect(events[0]!.data).toMatchObject({ port: 2525, password: sealed });
  });

  it('replaces or clears the password on request', () => {
    expect(given([saved]).when(update({ password: { kind: 'set', sealed: other } }))()[0]!.data).toMatchObject({ password: other });
    expect(given([saved]).when(update({ password: { kind: 'clear' }, username: null }))()[0]!.data).toMatchObject({ password: null, username: null });
  });

  it('refuses a password without a username, saying what to do', () => {
    expect(given([saved]).when(update({ username: ' ', password: { kind: 'keep' } }))).toThrow(/username: Give the username that goes with the password/);
  });

  it('says per field what to fix', () => {
    const attempt = given([]).when(update({ host: 'smtp://mail.example.com', port: 70000, fromAddress: 'IT <it@example.com>', replyTo: 'nope' }));
    expect(attempt).toThrow(/host: Give the host name only, without smtp:\/\//);
    expect(attempt).toThrow(/port: Give a port between 1 and 65535/);
    expect(attempt).toThrow(/fromAddress: Give a plain email address/);
    expect(attempt).toThrow(/replyTo: Give a plain email address/);
    expect(given([]).when(update({ host: 'mail.example.com:587' }))).toThrow(/Put the port in the Port field/);
    expect(given([]).when(update({ host: '' }))).toThrow(/Give the host name of your mail server/);
    expect(given([]).when(update({ security: 'SSL' as never }))).toThrow(/security: Choose one of STARTTLS, TLS, NONE/);
  });

  it('takes an IP address as the host, and NONE as the security', () => {
    expect(given([]).when(update({ host: '127.0.0.1', security: 'NONE', username: null, password: { kind: 'clear' } }))()[0]!.data).toMatchObject({ host: '127.0.0.1', security: 'NONE' });
  });

  it('clears back to the deployment default; clearing again writes nothing', () => {
    const cleared: MailSettingsEvent = { type: 'MailSettingsCleared', data: {} };
    expect(given([saved]).when({ type: 'ClearMailSettings' })()).toEqual([cleared]);
    expect(given([saved, cleared]).when({ type: 'ClearMailSettings' })()).toEqual([]);
    // After clearing, no password is left to keep.
    expect(given([saved, cleared]).when(update({ password: { kind: 'keep' } }))()[0]!.data).toMatchObject({ password: null });
  });
});
