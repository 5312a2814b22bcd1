import type { FieldErrors } from '../../errors';
import type { TokenPackTheme } from './events';
import { COLOR, imageProblem } from './internal/settings-problems';

/**
 * What is wrong with a set of colours and a logo, by the same rules as a token pack's theme:
 * `#rrggbb` colours, a logo as an https:// URL or a data:image URL of at most 48 KiB.
 * Keys are `primaryColor`, `accentColor` and `logoUrl`.
 */
export function themeProblems(theme: TokenPackTheme): FieldErrors {
  const fields: FieldErrors = {};
  for (const key of ['primaryColor', 'accentColor'] as const) {
    if (!COLOR.test(theme[key])) fields[key] = 'Give the colour as # and six hex digits, e.g. #1f6feb.';
  }
  const logo = theme.logoUrl ? imageProblem(theme.logoUrl, 'logo', false) : undefined;
  if (logo) fields.logoUrl = logo;
  return fields;
}
