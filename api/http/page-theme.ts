import { readableOr, readableTextOn } from '../domain/theme/contrast';

/** The organisation's default theme as the end-user pages use it; null for the shipped look. */
export interface PageTheme {
  /** `#rrggbb`: buttons, the brand mark and the card's top edge. */
  primaryColor: string;
  /** `#rrggbb`: links and secondary actions (only where it reads on white). */
  accentColor: string;
  /** https:// or data:image URL shown at the top of the card. */
  logoUrl: string | null;
}

/** Looks up an organisation's default theme for its end-user pages. */
export type PageThemeLookup = (tenantId: string) => PageTheme | null;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CARD = '#ffffff';
const TEXT = '#1b1f24';

/**
 * CSS custom properties for a theme, appended after a page's own style: button text is white
 * or near-black, whichever reads better on the primary colour, and an accent too pale for
 * text on the white card gives way to the body text colour.
 */
export function themeStyle(theme: PageTheme | null | undefined): string {
  if (!theme) return '';
  const link = readableOr(theme.accentColor, CARD, TEXT);
  return `:root{--accent:${theme.primaryColor};--accent-text:${readableTextOn(theme.primaryColor)};--link:${link}}
input:focus,button:focus{outline-color:${theme.primaryColor}80}main{border-top:6px solid var(--accent)}button{color:var(--accent-text)}button.secondary{color:var(--link);background:transparent}summary,a{color:var(--link)}
.brand img{display:block;max-height:48px;max-width:220px;object-fit:contain}`;
}

/** The top of the card: the theme's logo, or the Countersign mark in the theme's colour. */
export function brandHtml(theme: PageTheme | null | undefined): string {
  if (theme?.logoUrl) return `<div class="brand"><img src="${escapeHtml(theme.logoUrl)}" alt="Logo"></div>`;
  return '<div class="brand"><span class="logo" aria-hidden="true"></span>Countersign</div>';
}

/** The CSP source list end-user pages need for a theme's logo (https or data: images). */
export const THEME_IMG_SRC = "img-src https: data:";
