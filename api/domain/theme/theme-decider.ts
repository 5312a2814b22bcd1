import type { Decider } from '../../commands';
import { AppError, validationError, type FieldErrors } from '../../errors';
import { themeProblems } from '../token-pack';
import type { ThemeEvent, ThemeSettings } from './events';

/** Themes one organisation may keep. */
export const MAX_THEMES = 50;
const CONTROL = /[\u0000-\u001f\u007f]/;

export type ThemeCommand =
  | { type: 'CreateTheme'; themeId: string; settings: ThemeSettings }
  | { type: 'UpdateTheme'; themeId: string; settings: ThemeSettings }
  | { type: 'DeleteTheme'; themeId: string }
  | { type: 'SetDefaultTheme'; themeId: string };

export interface ThemeState {
  themes: Readonly<Record<string, ThemeSettings>>;
  /** The theme the sign-in pages and emails use; null while the library is empty. */
  defaultThemeId: string | null;
}

function checked(settings: ThemeSettings, state: ThemeState, themeId: string): ThemeSettings {
  const fields: FieldErrors = themeProblems(settings);
  const name = settings.name.trim();
  if (!name) fields.name = 'Give the theme a name, e.g. "Company blue".';
  else if (name.length > 60) fields.name = 'The name must be at most 60 characters.';
  else if (CONTROL.test(name)) fields.name = 'The name must be a single line of text.';
  else {
    const twin = Object.entries(state.themes).find(([id, t]) => id !== themeId && t.name.toLowerCase() === name.toLowerCase());
    if (twin) fields.name = `A theme named "${twin[1].name}" already exists; choose another name.`;
  }
  if (Object.keys(fields).length) throw validationError(fields);
  return {
    name,
    primaryColor: settings.primaryColor.toLowerCase(),
    accentColor: settings.accentColor.toLowerCase(),
    logoUrl: settings.logoUrl?.trim() || null,
  };
}

function known(state: ThemeState, themeId: string): ThemeSettings {
  const theme = state.themes[themeId];
  if (!theme) throw new AppError('NOT_FOUND', 'No theme with that id in your organisation.');
  return theme;
}

/**
 * The organisation's theme library. The first theme becomes the default; the default cannot
 * be deleted while other themes exist (make another the default first).
 */
export const themeDecider: Decider<ThemeCommand, ThemeEvent, ThemeState> = {
  initialState: { themes: {}, defaultThemeId: null },
  decide(command, state) {
    switch (command.type) {
      case 'CreateTheme': {
        if (state.themes[command.themeId]) throw new AppError('ALREADY_EXISTS', 'A theme with this id already exists.');
        if (Object.keys(state.themes).length >= MAX_THEMES) throw validationError({ name: `An organisation keeps at most ${MAX_THEMES} themes; delete one first.` });
        const settings = checked(command.settings, state, command.themeId);
        const created: ThemeEvent = { type: 'ThemeCreated', data: { themeId: command.themeId, ...settings } };
        return state.defaultThemeId ? [created] : [created, { type: 'DefaultThemeSet', data: { themeId: command.themeId } }];
      }
      case 'UpdateTheme': {
        const current = known(state, command.themeId);
        const settings = checked(command.settings, state, command.themeId);
        if (JSON.stringify(settings) === JSON.stringify(current)) return [];
        return [{ type: 'ThemeUpdated', data: { themeId: command.themeId, ...settings } }];
      }
      case 'DeleteTheme': {
        known(state, command.themeId);
        if (state.defaultThemeId === command.themeId && Object.keys(state.themes).length > 1) {
          throw new AppError('CONFLICT', 'This is your default theme; make another theme the default before deleting it.');
        }
        return [{ type: 'ThemeDeleted', data: { themeId: command.themeId } }];
      }
      case 'SetDefaultTheme':
        known(state, command.themeId);
        return state.defaultThemeId === command.themeId ? [] : [{ type: 'DefaultThemeSet', data: { themeId: command.themeId } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ThemeCreated':
      case 'ThemeUpdated': {
        const { themeId, ...settings } = event.data;
        return { ...state, themes: { ...state.themes, [themeId]: settings } };
      }
      case 'ThemeDeleted': {
        const { [event.data.themeId]: _, ...themes } = state.themes;
        return { themes, defaultThemeId: state.defaultThemeId === event.data.themeId ? null : state.defaultThemeId };
      }
      case 'DefaultThemeSet':
        return { ...state, defaultThemeId: event.data.themeId };
    }
  },
};
