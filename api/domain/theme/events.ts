/** A named set of colours and a logo that styles the pages and emails users see. */
export interface ThemeSettings {
  name: string;
  /** `#rrggbb`, lower case: headers and buttons. */
  primaryColor: string;
  /** `#rrggbb`, lower case: highlights and links. */
  accentColor: string;
  /** An https:// URL or a small `data:image/...;base64,` URL; null for none. */
  logoUrl: string | null;
}

/**
 * One stream per organisation holds its whole theme library (`theme-<tenant>-library`), so
 * that names stay unique and exactly one theme is the default.
 */
export type ThemeEvent =
  | { type: 'ThemeCreated'; data: { themeId: string } & ThemeSettings }
  | { type: 'ThemeUpdated'; data: { themeId: string } & ThemeSettings }
  | { type: 'ThemeDeleted'; data: { themeId: string } }
  | { type: 'DefaultThemeSet'; data: { themeId: string } };

export const themeEventTypes = ['ThemeCreated', 'ThemeUpdated', 'ThemeDeleted', 'DefaultThemeSet'] as const satisfies readonly ThemeEvent['type'][];

/** The stream id part after the tenant: one theme library per organisation. */
export const THEME_LIBRARY_STREAM_ID = 'library';
