import type { FieldErrors } from '../../../errors';
import { LOCAL_UNLOCK_POLICIES, type TokenPackSettings } from '../events';

export const COLOR = /^#[0-9a-f]{6}$/i;
const ICON_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const IMAGE_DATA = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const IMAGE_DATA_MAX = 64 * 1024;
const URL_MAX = 2048;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What the service layer found in the read models about the directory a command names. */
export interface PrimaryDirectoryFacts {
  primaryDirectoryExists: boolean;
}

/** Why an image reference is not usable; undefined when it is. `keys` allows `office-365` style names. */
export function imageProblem(value: string, what: string, keys: boolean): string | undefined {
  if (keys && ICON_KEY.test(value)) return undefined;
  if (value.startsWith('data:')) {
    if (value.length > IMAGE_DATA_MAX) return `The ${what} image must be at most 48 KiB; use a smaller image or an https:// URL.`;
    return IMAGE_DATA.test(value) ? undefined : `The ${what} must be a base64 data URL of a PNG, JPEG, GIF, WebP or SVG image.`;
  }
  try {
    if (new URL(value).protocol === 'https:' && value.length <= URL_MAX) return undefined;
  } catch {
    // falls through to the message
  }
  return keys
    ? `Give the ${what} as a name such as token-pack, an https:// URL, or a data:image/... URL.`
    : `Give the ${what} as an https:// URL or a data:image/... URL.`;
}

/** Problems with a name an admin typed: required, one line, at most `max` characters. */
export function nameProblem(name: string, what: string, max = 100): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return `Give the ${what} a name.`;
  if (trimmed.length > max) return `The name must be at most ${max} characters.`;
  if (CONTROL.test(trimmed)) return 'The name must be a single line of text.';
  return undefined;
}

/** Field by field, what is wrong with a token pack's settings. */
export function settingsProblems(settings: TokenPackSettings, facts: PrimaryDirectoryFacts): FieldErrors {
  const fields: FieldErrors = {};
  const name = nameProblem(settings.name, 'token pack');
  if (name) fields.name = name;
  const icon = settings.icon ? imageProblem(settings.icon, 'icon', true) : undefined;
  if (icon) fields.icon = icon;
  if (settings.primaryDirectoryId && !facts.primaryDirectoryExists) fields.primaryDirectoryId = 'No directory connector with that id in this organisation.';
  for (const key of ['primaryColor', 'accentColor'] as const) {
    if (!COLOR.test(settings.theme[key])) fields[`theme.${key}`] = 'Give the colour as # and six hex digits, e.g. #1f6feb.';
  }
  const logo = settings.theme.logoUrl ? imageProblem(settings.theme.logoUrl, 'logo', false) : undefined;
  if (logo) fields['theme.logoUrl'] = logo;
  if (settings.localUnlock !== undefined && !LOCAL_UNLOCK_POLICIES.includes(settings.localUnlock)) {
    fields.localUnlock = `Choose one of ${LOCAL_UNLOCK_POLICIES.join(', ')}.`;
  }
  return fields;
}

/** The settings as stored: trimmed, colours in lower case, empty optional values as null. */
export function normalisedSettings(settings: TokenPackSettings): TokenPackSettings {
  return {
    name: settings.name.trim(),
    icon: settings.icon?.trim() || null,
    primaryDirectoryId: settings.primaryDirectoryId || null,
    theme: {
      primaryColor: settings.theme.primaryColor.toLowerCase(),
      accentColor: settings.theme.accentColor.toLowerCase(),
      logoUrl: settings.theme.logoUrl?.trim() || null,
    },
    localUnlock: settings.localUnlock ?? 'NONE',
  };
}
