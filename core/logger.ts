import { pino, type Logger as PinoLogger } from 'pino';

/** One structured logger for every process: fields, not prose. */
export type Logger = PinoLogger;

/** Logs go to stderr as JSON lines, so stdout stays for what a person reads. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { ...base } }, pino.destination({ fd: 2, sync: false }));
}
