import http from 'node:http';

/** The parts of a fetch `Response` the tests and benchmarks read. */
export interface HttpResponse {
  status: number;
  headers: Pick<Headers, 'get' | 'getSetCookie'>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface HttpRequestInit {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

// One keep-alive pool for every client: node:http costs the load generator of the
// benchmarks a quarter of the CPU per request that fetch does, and the server's CPU is
// what they measure on a shared 2-core machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request over a shared keep-alive pool; resolves once the headers are in. */
export function httpRequest(url: URL, init: HttpRequestInit = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      // Node has parsed the headers already (names in lower case, set-cookie as a list).
      const headers = {
        get: (name: string) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        getSetCookie: () => res.headers['set-cookie'] ?? [],
      };
      // Read at once, whether or not the caller wants the body: a response left unread
      // would keep its socket out of the keep-alive pool.
      const body = new Promise<Buffer>((done, failed) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(Buffer.concat(chunks)));
        res.on('error', failed);
      });
      body.catch(() => undefined); // a caller that never reads the body does not care
      resolve({
        status: res.statusCode!,
        headers,
        text: async () => (await body).toString('utf8'),
        arrayBuffer: async () => {
          const bytes = await body;
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        },
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
