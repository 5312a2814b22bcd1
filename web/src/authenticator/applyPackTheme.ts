import type { PackLook } from './deviceStore';

const HEX = /^#[0-9a-f]{6}$/i;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** White or near-black, whichever reads better on `background` (WCAG contrast). */
export function textColorOn(background: string): string {
  const l = luminance(background);
  return (1.05 / (l + 0.05)) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111827';
}

/**
 * Colours the app with the token pack's theme: the primary colour for the header and the
 * browser's theme colour, the accent for buttons, each with a readable text colour.
 */
export function applyPackTheme(look: PackLook | null): void {
  const root = document.documentElement.style;
  const primary = look && HEX.test(look.theme.primaryColor) ? look.theme.primaryColor : '#1f4e79';
  const accent = look && HEX.test(look.theme.accentColor) ? look.theme.accentColor : '#2d55c8';
  root.setProperty('--pack-primary', primary);
  root.setProperty('--pack-primary-text', textColorOn(primary));
  root.setProperty('--accent', accent);
  root.setProperty('--accent-hover', accent);
  root.setProperty('--accent-text', textColorOn(accent));
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', primary);
}
