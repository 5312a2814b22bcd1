/**
 * Where to go after signing in: the path the visitor asked for when it is a path on this
 * site, otherwise the dashboard. Guards against open redirects (`//evil.example`, `https://…`).
 */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return '/';
  }
  if (target === '/signin' || target.startsWith('/signin?') || target.startsWith('/setup')) return '/';
  return target;
}
