import * as chrono from 'chrono-node';
import { DateTime, IANAZone } from 'luxon';

/**
 * Minimal stand-in for movie night's times (the when branch's when.ts
 * replaces it): chrono-node reads the text at the zone's current offset.
 */

/** The instant `text` names, read as wall time in `timeZone`; null when it names none. */
export function parseWhen(text: string, now: Date, timeZone: string): Date | null {
  const offset = DateTime.fromJSDate(now, { zone: timeZone }).offset;
  return chrono.parseDate(text, { instant: now, timezone: offset }, { forwardDate: true }) ?? null;
}

/** Like "Fri 12 Dec, 21:00 (Europe/Berlin)". */
export function formatWhen(date: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(date, { zone: timeZone }).toFormat('ccc d LLL, HH:mm')} (${timeZone})`;
}

export function isTimeZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}
