import { createServer, type Socket } from 'node:net';

export { freePort as closedPort } from './internal/free-port';

/** A TCP server on 127.0.0.1 that accepts connections and never says a word. */
export interface SilentServer {
  port: number;
  /** Connections accepted so far. */
  accepted(): number;
  stop(): Promise<void>;
}

/**
 * Starts a server that accepts and then ignores everything, like a directory behind a broken
 * load balancer: a client's connect succeeds and every operation must time out.
 */
export function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        accepted: () => accepted,
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
