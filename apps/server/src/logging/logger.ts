import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One structured logger; modules take a child with a `component` field
 * (`http`, `collab`, `storage`, `lifecycle`) rather than logging on their own.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'atelier' } });
}
