import { connect, type Socket } from 'node:net';
import type { HttpRequestInit, HttpResponse } from '../test/support/http-request';

const HEAD_END = Buffer.from('\r\n\r\n');

interface Pending {
  resolve: (response: HttpResponse) => void;
  reject: (error: Error) => void;
}

/**
 * The load generator's HTTP/1.1 client: keep-alive connections to one server, each request
 * written as one string, each answer read for its status, headers and Content-Length body.
 * node:http's client (agent, streams, events) was a third of the bench's own CPU, and the
 * bench shares the machine's two cores with the server it measures. It speaks only what the
 * sign-in pages answer with: no chunked bodies, no redirects followed.
 */
export function benchHttpClient(origin: string) {
  const { hostname, port } = new URL(origin);
  const idle: Socket[] = [];

  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port), noDelay: true }, () => {
        socket.off('error', reject);
        // While idle: a socket the server closes leaves the pool, and its error goes nowhere.
        socket.on('error', () => {});
        socket.on('close', () => {
          const at = idle.indexOf(socket);
          if (at >= 0) idle.splice(at, 1);
        });
        resolve(socket);
      });
      socket.once('error', reject);
    });

  const exchange = (socket: Socket, request: string) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      let buffered: Buffer = Buffer.alloc(0);
      let head: { status: number; headers: Map<string, string[]>; bodyStart: number; length: number } | undefined;
      const fail = (error: Error) => {
        cleanup();
        socket.destroy();
        pending.reject(error);
      };
      const onData = (chunk: Buffer) => {
        buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
        if (!head) {
          const end = buffered.indexOf(HEAD_END);
          if (end < 0) return;
          const lines = buffered.toString('latin1', 0, end).split('\r\n');
          const status = Number(lines[0]!.split(' ')[1]);
          const headers = new Map<string, string[]>();
          for (const line of lines.slice(1)) {
            const colon = line.indexOf(':');
            const name = line.slice(0, colon).trim().toLowerCase();
            headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
          }
          if (headers.has('transfer-encoding')) return fail(new Error('the bench client reads only Content-Length bodies'));
          head = { status, headers, bodyStart: end + HEAD_END.length, length: Number(headers.get('content-length')?.[0] ?? 0) };
        }
        if (buffered.length < head.bodyStart + head.length) return;
        const body = buffered.subarray(head.bodyStart, head.bodyStart + head.length);
        const { status, headers } = head;
        cleanup();
        if (headers.get('connection')?.[0]?.toLowerCase() === 'close') socket.destroy();
        else idle.push(socket);
        pending.resolve({
          status,
          headers: { get: (name) => headers.get(name.toLowerCase())?.join(', ') ?? null, getSetCookie: () => headers.get('set-cookie') ?? [] },
          text: async () => body.toString('utf8'),
          arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
        });
      };
      const onClose = () => fail(new Error('the server closed the connection before it answered'));
      const cleanup = () => {
        socket.off('data', onData);
        socket.off('error', fail);
        socket.off('close', onClose);
      };
      socket.on('data', onData);
      socket.once('error', fail);
      socket.once('close', onClose);
      socket.write(request);
    });

  return async (url: URL, init: HttpRequestInit = {}): Promise<HttpResponse> => {
    const body = init.body ?? '';
    const headers = { host: url.host, ...init.headers, ...(body || init.method === 'POST' ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    const request = `${init.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
    const reused = idle.pop();
    if (reused) {
      // The server may have closed it a moment ago (keep-alive timeout): then once more on a new one.
      try {
        return await exchange(reused, request);
      } catch {
        return exchange(await open(), request);
      }
    }
    return exchange(await open(), request);
  };
}
