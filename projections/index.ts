import { adminSessionsProjection } from './admin-sessions.projection';
import { adminsProjection } from './admins.projection';
import { adminInvitationsProjection } from './admin-invitations.projection';
import { apiKeysProjection } from './api-keys.projection';
import { auditProjection } from './audit.projection';
import type { Projection } from './projection';
import { tenantsProjection } from './tenants.projection';
import { directoryConnectorsProjection } from './directory-connectors.projection';
import { directoryUsersProjection } from './directory-users.projection';
import { samlConnectorsProjection } from './saml-connectors.projection';
import { servicesProjection } from './services.projection';
import { idpSessionsProjection } from './idp-sessions.projection';
import { tokenPacksProjection } from './token-packs.projection';
import { devicesProjection } from './devices.projection';
import { challengesProjection } from './challenges.projection';
import { mailSettingsProjection } from './mail-settings.projection';
import { themesProjection } from './themes.projection';

export type { Projection } from './projection';
export { createProjectionRunner, type ProjectionRunner } from './projection-runner';
export { startProjectionThread, type ProjectionThread } from './projection-thread';
export { openReadModelDb } from './read-model-db';
export { describeEvent, categoryOf } from './internal/describe-event';
export { redact } from './internal/redact';

/** Every read model of the product, in the order they are applied. */
export const allProjections: readonly Projection[] = [
  tenantsProjection,
  adminsProjection,
  adminInvitationsProjection,
  adminSessionsProjection,
  apiKeysProjection,
  directoryConnectorsProjection,
  directoryUsersProjection,
  samlConnectorsProjection,
  servicesProjection,
  idpSessionsProjection,
  tokenPacksProjection,
  devicesProjection,
  challengesProjection,
  mailSettingsProjection,
  themesProjection,
  auditProjection,
];
export { createAuditQueries, type AuditFilter, type AuditQueries, type AuditRow } from './audit.queries';
export { createCheckpointProgress } from './checkpoint-progress';
export { pruneAudit } from './prune-audit';
