export * from './job-queue';
export { createBullMqJobQueue, type BullMqJobQueueOptions } from './bullmq-job-queue';
export { createSqliteJobQueue, type SqliteJobQueueOptions } from './sqlite-job-queue';
export type { QueueLogger } from './internal/queue-logger';
export type { MailAttachment, MailMessage, MailTransport } from './mail/mail-transport';
export { createSmtpMailTransport, redactSmtpUrl, type SmtpMailTransportOptions } from './mail/smtp-mail-transport';
export { createOutboxMailTransport, outboxFileName, type OutboxMailTransportOptions } from './mail/outbox-mail-transport';
export { createTenantMailTransport, type TenantMailTransportDeps } from './mail/tenant-mail-transport';
export { createTenantSmtpTransport, senderOf } from './mail/tenant-smtp-transport';
