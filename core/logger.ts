import { pino, type Logger as PinoLogger } from 'pino';

/** One structured logger for every process: fields, not prose. */
export type Logger = PinoLogger;

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { ...base } });
}
