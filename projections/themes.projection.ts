import { prepared } from './internal/prepared';
import { themeEventTypes, type ThemeEvent } from '../api/domain/theme';
import type { Projection } from './projection';

/** Each organisation's theme library; `is_default` marks the one the sign-in pages use. */
export const themesProjection: Projection = {
  name: 'themes',
  version: 1,
  tables: ['themes'],
  schema: `CREATE TABLE IF NOT EXISTS themes (
    tenant_id TEXT NOT NULL,
    theme_id TEXT NOT NULL,
    name TEXT NOT NULL,
    primary_color TEXT NOT NULL,
    accent_color TEXT NOT NULL,
    logo_url TEXT,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, theme_id)
  ) WITHOUT ROWID;`,
  eventTypes: themeEventTypes,
  apply(db, recorded) {
    const event = recorded as unknown as ThemeEvent;
    const tenantId = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    switch (event.type) {
      case 'ThemeCreated': {
        const t = event.data;
        prepared(db, 'INSERT OR REPLACE INTO themes (tenant_id, theme_id, name, primary_color, accent_color, logo_url, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)').run(
          tenantId, t.themeId, t.name, t.primaryColor, t.accentColor, t.logoUrl, at, at,
        );
        break;
      }
      case 'ThemeUpdated': {
        const t = event.data;
        prepared(db, 'UPDATE themes SET name = ?, primary_color = ?, accent_color = ?, logo_url = ?, updated_at = ? WHERE tenant_id = ? AND theme_id = ?').run(
          t.name, t.primaryColor, t.accentColor, t.logoUrl, at, tenantId, t.themeId,
        );
        break;
      }
      case 'ThemeDeleted':
        prepared(db, 'DELETE FROM themes WHERE tenant_id = ? AND theme_id = ?').run(tenantId, event.data.themeId);
        break;
      case 'DefaultThemeSet':
        prepared(db, 'UPDATE themes SET is_default = CASE WHEN theme_id = ? THEN 1 ELSE 0 END WHERE tenant_id = ?').run(event.data.themeId, tenantId);
        break;
    }
  },
};
