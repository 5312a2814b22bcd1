import { httpRequest, type HttpRequestInit, type HttpResponse } from './http-request';

/**
 * A browser stand-in for the SAML sign-in pages: keeps cookies, follows the IdP's 303s by
 * hand, fills the password form and reads the auto-post form's fields.
 */
export function ssoClient(baseUrl: string, send: (url: URL, init: HttpRequestInit) => Promise<HttpResponse> = httpRequest) {
  const cookies = new Map<string, string>();
  const headers = (): Record<string, string> => (cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {});
  const keep = (res: HttpResponse) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    return res;
  };
  const request = async (path: string, init: HttpRequestInit = {}) =>
    keep(await send(new URL(path.startsWith('http') ? path : `${baseUrl}${path}`), { ...init, headers: { ...headers(), ...init.headers } }));

  return {
    cookies,
    request,
    get: (path: string) => request(path),
    postForm: (path: string, fields: Record<string, string>) =>
      request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }),
  };
}

/** The value of a hidden input in an HTML page (HTML entities decoded). */
export function formField(html: string, name: string): string | undefined {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html);
  return match?.[1]?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The form action of the first form in a page. */
export function formAction(html: string): string | undefined {
  return /<form[^>]*action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}
