export {
  createMailSettingsService,
  deploymentServerOf,
  type MailDelivery,
  type MailSettingsRow,
  type MailSettingsService,
  type MailSettingsUpdate,
  type OutgoingMailStatus,
} from './mail-settings-service';
