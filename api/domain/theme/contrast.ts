/** Relative luminance (WCAG 2) of a `#rrggbb` colour, 0 for black to 1 for white. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text colour for a `#rrggbb` background: white or near-black, whichever contrasts more. */
export function readableTextOn(background: string): '#ffffff' | '#111111' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * `color` when it reads on `background` at WCAG AA for text (4.5:1), else `fallback`: an
 * accent too pale for links on a white card falls back to the body text colour.
 */
export function readableOr(color: string, background: string, fallback: string): string {
  return contrastRatio(color, background) >= 4.5 ? color : fallback;
}
