import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { validationError } from '../../errors';
import type { MailSettings, MailSettingsEvent } from './events';
import { mailSettingsProblems, type MailSettingsFields } from './mail-settings-problems';

/** What happens to the stored password: kept, replaced by a newly sealed one, or removed. */
export type PasswordChange = { kind: 'keep' } | { kind: 'set'; sealed: Sealed } | { kind: 'clear' };

/** The settings an admin submits; the password arrives sealed by the caller, or not at all. */
export interface MailSettingsInput extends MailSettingsFields {
  password: PasswordChange;
}

export type MailSettingsCommand =
  | { type: 'UpdateMailSettings'; settings: MailSettingsInput }
  | { type: 'ClearMailSettings' }
  | { type: 'RecordTestEmail'; to: string; ok: boolean; message: string };

/** `none`: never configured, or cleared back to the deployment's default. */
export type MailSettingsState = { status: 'none' } | { status: 'set'; settings: MailSettings };

const same = (a: MailSettings, b: MailSettings) => JSON.stringify(a) === JSON.stringify(b);

function settingsOf(input: MailSettingsInput, state: MailSettingsState): MailSettings {
  const stored = state.status === 'set' ? state.settings.password : null;
  const password = input.password.kind === 'set' ? input.password.sealed : input.password.kind === 'keep' ? stored : null;
  const problems = mailSettingsProblems(input, password !== null);
  if (Object.keys(problems).length) throw validationError(problems);
  const username = input.username?.trim() || null;
  return {
    host: input.host.trim().toLowerCase().replace(/\.$/, ''),
    port: input.port,
    security: input.security,
    username,
    password,
    fromAddress: input.fromAddress.trim(),
    fromName: input.fromName?.trim() || null,
    replyTo: input.replyTo?.trim() || null,
  };
}

/**
 * An organisation's own SMTP server. Saving the same settings again writes nothing; the
 * password is never in the command in clear (the service seals it first).
 */
export const mailSettingsDecider: Decider<MailSettingsCommand, MailSettingsEvent, MailSettingsState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'UpdateMailSettings': {
        const settings = settingsOf(command.settings, state);
        if (state.status === 'set' && same(settings, state.settings)) return [];
        return [{ type: 'MailSettingsUpdated', data: settings }];
      }
      case 'ClearMailSettings':
        // Already on the deployment's default: nothing to record.
        if (state.status === 'none') return [];
        return [{ type: 'MailSettingsCleared', data: {} }];
      case 'RecordTestEmail':
        return [{ type: 'TestEmailSent', data: { to: command.to, ok: command.ok, message: command.message } }];
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'MailSettingsUpdated':
        return { status: 'set', settings: event.data };
      case 'MailSettingsCleared':
        return { status: 'none' };
      case 'TestEmailSent':
        return _state;
    }
  },
};
