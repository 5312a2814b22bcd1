/** A step that did not finish in time; `what` names it for an admin ("TLS handshake"). */
export class DirectoryTimeoutError extends Error {
  override name = 'DirectoryTimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Settles like `promise`, or rejects with {@link DirectoryTimeoutError} after `timeoutMs`, then
 * calls `onTimeout` so the caller can destroy the socket the late promise depends on.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DirectoryTimeoutError(what, timeoutMs));
      onTimeout?.();
    }, timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
