import { prepared } from './internal/prepared';
import { mailSettingsEventTypes, type MailSettingsEvent } from '../api/domain/mail-settings';
import type { Projection } from './projection';

/** Each organisation's own SMTP server, one row while set; the password only as "set or not". */
export const mailSettingsProjection: Projection = {
  name: 'mail-settings',
  version: 1,
  tables: ['mail_settings'],
  schema: `CREATE TABLE IF NOT EXISTS mail_settings (
    tenant_id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    security TEXT NOT NULL,
    username TEXT,
    password_set INTEGER NOT NULL,
    from_address TEXT NOT NULL,
    from_name TEXT,
    reply_to TEXT,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;`,
  eventTypes: mailSettingsEventTypes,
  apply(db, recorded) {
    const event = recorded as unknown as MailSettingsEvent;
    const tenantId = recorded.metadata.tenantId;
    if (event.type === 'TestEmailSent') return; // for the audit history only
    if (event.type === 'MailSettingsCleared') {
      prepared(db, 'DELETE FROM mail_settings WHERE tenant_id = ?').run(tenantId);
      return;
    }
    const s = event.data;
    prepared(
      db,
      `INSERT INTO mail_settings (tenant_id, host, port, security, username, password_set, from_address, from_name, reply_to, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security, username = excluded.username,
         password_set = excluded.password_set, from_address = excluded.from_address, from_name = excluded.from_name, reply_to = excluded.reply_to,
         updated_at = excluded.updated_at`,
    ).run(tenantId, s.host, s.port, s.security, s.username, s.password ? 1 : 0, s.fromAddress, s.fromName, s.replyTo, recorded.metadata.timestamp);
  },
};
