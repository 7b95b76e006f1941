import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs (pino). Child loggers carry the request id on every line of a request. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { service: 'yishi' }, timestamp: pino.stdTimeFunctions.isoTime }, destination as never);
}
