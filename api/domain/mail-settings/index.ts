export * from './events';
export { mailSettingsDecider, type MailSettingsCommand, type MailSettingsInput, type MailSettingsState, type PasswordChange } from './mail-settings-decider';
export { mailSettingsProblems } from './mail-settings-problems';
