import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process logger. Anything that looks like a secret is censored even if a caller
 * passes it by mistake: passwords, tokens, cookies, keys, seeds.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.password',
        '*.bindPassword',
        '*.privateKey',
        '*.seed',
        '*.token',
        '*.secret',
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        'headers.authorization',
        'password',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
