import { readableTextOn } from '../../../api/domain/theme/contrast';

/** The organisation's default theme as emails use it (Settings › Themes). */
export interface EmailTheme {
  primaryColor: string;
  logoUrl: string | null;
}

/**
 * The coloured header at the top of an email card: a band in the primary colour with the
 * logo on a white plate (so a dark logo shows on a dark colour). Nothing without a theme.
 * Expects to sit first inside a card with 24px padding.
 */
export function emailThemeHeader(theme: EmailTheme | null | undefined): string {
  if (!theme) return '';
  const logo = theme.logoUrl
    ? `<span style="display:inline-block;background:#ffffff;border-radius:6px;padding:6px 10px"><img src="${escape(theme.logoUrl)}" alt="" height="32" style="display:block;height:32px;max-width:200px"></span>`
    : '';
  const band = `background:${theme.primaryColor};color:${readableTextOn(theme.primaryColor)};border-radius:8px 8px 0 0;margin:-24px -24px 20px;text-align:left`;
  return logo ? `<div style="${band};padding:12px 24px">${logo}</div>` : `<div style="${band};height:8px"></div>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
