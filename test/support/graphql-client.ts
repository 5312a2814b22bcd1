/** A GraphQL-over-HTTP client that keeps cookies and sends the CSRF header like the dashboard does. */
export function graphqlClient(baseUrl: string, opts: { bearer?: string } = {}) {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, extra: { csrf?: boolean; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extra.headers };
      if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (extra.csrf !== false && cookies.get('cs_csrf')) headers['x-csrf-token'] = cookies.get('cs_csrf')!;
      if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
      const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      for (const cookie of res.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, value] = pair!.split('=');
        if (value) cookies.set(name!, value);
        else cookies.delete(name!);
      }
      const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      return { status: res.status, setCookies: res.headers.getSetCookie(), ...body };
    },
  };
}
