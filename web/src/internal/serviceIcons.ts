/** A built-in service icon: a coloured tile with a white line glyph on a 24×24 grid. */
export interface BuiltInIcon {
  label: string;
  color: string;
  paths: readonly string[];
}

/**
 * The icons a service can pick by name (`ServiceInstance.icon`). `office-365` is the one the
 * template service starts with; an unknown name shows as `app`.
 */
export const SERVICE_ICONS = {
  'office-365': { label: 'Office 365', color: '#d83b01', paths: ['M5 6.5 14 3l5 2.2v13.6L14 21l-9-3.5Z', 'M14 3v18', 'M5 6.5 14 8v9l-9 .5'] },
  app: { label: 'Application', color: '#2d55c8', paths: ['M4 4h6v6H4Z', 'M14 4h6v6h-6Z', 'M4 14h6v6H4Z', 'M14 14h6v6h-6Z'] },
  mail: { label: 'Mail', color: '#0e7490', paths: ['M3 6h18v12H3Z', 'm3 7 9 6 9-6'] },
  chat: { label: 'Chat', color: '#6941c6', paths: ['M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z'] },
  files: { label: 'Files', color: '#b54708', paths: ['M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z'] },
  cloud: { label: 'Cloud', color: '#0086c9', paths: ['M7 18a5 5 0 1 1 .9-9.9A6 6 0 0 1 19.5 10 4 4 0 0 1 18 18Z'] },
  vpn: { label: 'VPN', color: '#067647', paths: ['M6 11h12v9H6Z', 'M8.5 11V8a3.5 3.5 0 0 1 7 0v3'] },
  chart: { label: 'Finance', color: '#c11574', paths: ['M4 20V4', 'M4 20h16', 'M8 16v-4', 'M12 16V8', 'M16 16v-6'] },
  people: { label: 'HR', color: '#4e5ba6', paths: ['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z', 'M2 21a7 7 0 0 1 14 0', 'M17 11a3 3 0 1 0 0-6', 'M22 21a6 6 0 0 0-4-5.6'] },
  code: { label: 'Developer tools', color: '#344054', paths: ['m8 8-4 4 4 4', 'm16 8 4 4-4 4', 'm14 4-4 16'] },
} as const satisfies Record<string, BuiltInIcon>;

export type ServiceIconName = keyof typeof SERVICE_ICONS;

export function isBuiltInIcon(icon: string | null | undefined): icon is ServiceIconName {
  return Boolean(icon) && Object.hasOwn(SERVICE_ICONS, icon!);
}

const EMOJI_SVG = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64"><text [^>]*>(.+)<\/text><\/svg>$/;
const SVG_PREFIX = 'data:image/svg+xml;base64,';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An emoji as an icon the API accepts: a small SVG with the emoji as text, as a base64 data URL.
 * {@link emojiOfIcon} reads it back.
 */
export function emojiIcon(emoji: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><text x="32" y="34" font-size="52" text-anchor="middle" dominant-baseline="central">${escapeXml(emoji)}</text></svg>`;
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return SVG_PREFIX + btoa(binary);
}

/** The emoji an {@link emojiIcon} holds, or null for any other icon. */
export function emojiOfIcon(icon: string | null | undefined): string | null {
  if (!icon?.startsWith(SVG_PREFIX)) return null;
  try {
    const binary = atob(icon.slice(SVG_PREFIX.length));
    const svg = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const text = EMOJI_SVG.exec(svg)?.[1];
    return text ? text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))) : null;
  } catch {
    return null;
  }
}
