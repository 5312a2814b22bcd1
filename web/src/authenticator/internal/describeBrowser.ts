/**
 * A user agent string as a person reads it ("Chrome 126 on Windows"); text that is not a
 * user agent (the server may already have summarised it) is returned as it is.
 */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'unknown browser';
  if (!/^Mozilla\/|AppleWebKit|Gecko\//.test(userAgent)) return userAgent;
  const pick = (pattern: RegExp, name: string) => {
    const m = pattern.exec(userAgent);
    return m ? `${name} ${m[1]!.split('.')[0]}` : null;
  };
  const browser =
    pick(/Edg(?:A|iOS)?\/([\d.]+)/, 'Edge') ??
    pick(/OPR\/([\d.]+)/, 'Opera') ??
    pick(/Firefox\/([\d.]+)/, 'Firefox') ??
    pick(/HeadlessChrome\/([\d.]+)/, 'Headless Chrome') ??
    pick(/(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome') ??
    pick(/Version\/([\d.]+).*Safari\//, 'Safari') ??
    'A browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  return system ? `${browser} on ${system}` : browser;
}
