import { fold, streamId } from '../../../api/commands';
import { THEME_LIBRARY_STREAM_ID, themeDecider, type ThemeEvent } from '../../../api/domain/theme';
import type { EventStore } from '../../../api/eventstore';
import type { EmailTheme } from '../templates/email-theme-header';

/** The organisation's default theme, read from its theme library stream; null when it has none. */
export async function loadDefaultTheme(store: EventStore, tenantId: string): Promise<EmailTheme | null> {
  const state = fold(themeDecider, (await store.readStream(streamId('theme', tenantId, THEME_LIBRARY_STREAM_ID))) as unknown as ThemeEvent[]);
  const theme = state.defaultThemeId ? state.themes[state.defaultThemeId] : undefined;
  return theme ? { primaryColor: theme.primaryColor, logoUrl: theme.logoUrl } : null;
}
