import { en, type Component, type ParsedComponents } from 'chrono-node';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/**
 * A movie night's "when": free text such as "fri 21:00", "tomorrow 8pm",
 * "in 2h" or "2026-12-12 20:30", read as wall-clock time in the server's
 * IANA zone whatever zone the process runs in.
 *
 * How the text is read:
 * - Numeric dates are day first ("5/12" is 5 December), as most of the world
 *   writes them; ISO dates ("2026-12-12") are unambiguous, and the reply shows
 *   the date it understood ("Sat 5 Dec, 20:30").
 * - A weekday means its next occurrence: today if that time is still ahead,
 *   otherwise the same day next week, never one already past.
 * - A time alone ("20:30") means today if still ahead, else tomorrow.
 * - A date without a year means the nearest such date: "5 jan" said in
 *   December is next January, "5 dec" said on 11 December is past.
 * - A day without a time ("fri", "tomorrow", "tonight") starts at
 *   DEFAULT_HOUR; words that name a part of the day keep chrono's hour
 *   ("saturday evening" is 20:00, "noon" 12:00).
 * - Durations in hours or minutes ("in 2h", "in 90 minutes") count from the
 *   real instant, so they stay exact across a daylight-saving change; whole
 *   days ("in 2 days") name a day, at DEFAULT_HOUR.
 * - A zone in the text ("21:00 UTC") wins over the server's.
 * - A wall time that a daylight-saving change skips moves forward by the gap
 *   (02:30 on the spring-forward night is 03:30); one that happens twice
 *   (the autumn night) is the later, standard-time one.
 * - The whole text must be a time: "fri 21h" or "fri 9" (a partial read) and
 *   anything chrono does not recognise give null, so the caller asks again
 *   with WHEN_EXAMPLE rather than guessing.
 * Times in the past are returned as they are: the caller rejects them.
 */

/** An example of what parseWhen accepts, for error messages. */
export const WHEN_EXAMPLE = 'fri 21:00';
/** The hour a night starts when the text names a day but no time. */
export const DEFAULT_HOUR = 20;

/** Longer text is not a time anyone types; it is rejected before parsing. */
const MAX_WHEN_LENGTH = 100;
/** What may stand around the recognised time: spacing and punctuation. */
const LEFTOVER_OK = /^[\s,.;!]*$/;
/** Day-first numeric dates ("12/5" is 12 May). */
const parser = en.GB;

interface WallTime {
  hour: number;
  minute: number;
}

interface WallDate {
  year: number;
  month: number;
  day: number;
}

/** True when `tz` names an IANA time zone this runtime knows ('Europe/Berlin', 'UTC'). */
export function isTimeZone(tz: string): boolean {
  return typeof tz === 'string' && tz.trim() === tz && tz !== '' && IANAZone.isValidZone(tz);
}

/**
 * The zone's name as the time-zone database spells it ('europe/berlin' →
 * 'Europe/Berlin'), to store and show; null when it is no IANA zone.
 */
export function normalizeTimeZone(tz: string): string | null {
  const name = typeof tz === 'string' ? tz.trim() : '';
  if (!isTimeZone(name)) return null;
  const lower = name.toLowerCase();
  if (lower === 'utc') return 'UTC';
  return Intl.supportedValuesOf('timeZone').find((known) => known.toLowerCase() === lower) ?? name;
}

/**
 * The instant `text` names, read as wall time in `timeZone` relative to
 * `now`; null when the text is not a time (or the zone is unknown). See the
 * module comment for the rules.
 */
export function parseWhen(text: string, now: Date, timeZone: string): Date | null {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input === '' || input.length > MAX_WHEN_LENGTH) return null;
  if (!isTimeZone(timeZone) || Number.isNaN(now.getTime())) return null;

  const nowInZone = DateTime.fromJSDate(now, { zone: timeZone });
  // chrono works in the process's local time: give it a reference whose local
  // components are the zone's wall clock, and read the components back.
  const ref = new Date(nowInZone.year, nowInZone.month - 1, nowInZone.day, nowInZone.hour, nowInZone.minute, nowInZone.second, nowInZone.millisecond);
  const results = parser.parse(input, ref);
  const [result] = results;
  if (results.length !== 1 || result === undefined) return null;
  const leftover = input.slice(0, result.index) + input.slice(result.index + result.text.length);
  if (!LEFTOVER_OK.test(leftover)) return null;

  const at = resolve(result.start, now, ref, nowInZone);
  return at !== null && at.isValid ? at.toJSDate() : null;
}

/**
 * "Fri 12 Dec, 21:00 (Europe/Berlin)": short enough for a phone, with the zone
 * so nobody has to guess. An unknown zone falls back to UTC (and says so).
 */
export function formatWhen(at: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const local = DateTime.fromJSDate(at, { zone }).setLocale('en-US');
  return `${local.toFormat('ccc d LLL, HH:mm')} (${zone})`;
}

function resolve(c: ParsedComponents, now: Date, ref: Date, nowInZone: DateTime): DateTime | null {
  const tags = c.tags();
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) {
    // A duration: chrono added it to the reference's wall clock; add the same
    // amount to the real instant. Both wall clocks are read as if UTC, so the
    // process zone's own daylight-saving changes do not count.
    return DateTime.fromMillis(now.getTime() + (parsedWallMs(c) - localWallMs(ref)), { zone: nowInZone.zone });
  }
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const zoneNow = offset === null ? nowInZone : nowInZone.setZone(FixedOffsetZone.instance(offset));
  const time = timeOf(c);

  // A date: a year left out is chrono's nearest ("5 jan" in December is next January).
  if (c.isCertain('day')) return wallAt(impliedDate(c), time, zoneNow);
  if (c.isCertain('weekday')) {
    // chrono picks the nearest such weekday, which may be behind us.
    return firstAhead(impliedDate(c), time, zoneNow, 7);
  }
  return firstAhead(dateOf(zoneNow), time, zoneNow, 1);
}

/** The time the text gives, a part-of-day word's hour, or DEFAULT_HOUR. */
function timeOf(c: ParsedComponents): WallTime {
  if (c.isCertain('hour') || c.tags().has('parser/ENCasualTimeParser')) {
    return { hour: c.get('hour') ?? DEFAULT_HOUR, minute: c.get('minute') ?? 0 };
  }
  return { hour: DEFAULT_HOUR, minute: 0 };
}

/** `date` at `time`, stepping `stepDays` at a time until it is after now (a few steps at most). */
function firstAhead(date: WallDate, time: WallTime, zoneNow: DateTime, stepDays: number): DateTime | null {
  let day = date;
  let at = wallAt(day, time, zoneNow);
  for (let i = 0; i < 3 && at !== null && at <= zoneNow; i++) {
    day = addDays(day, stepDays);
    at = wallAt(day, time, zoneNow);
  }
  return at;
}

function wallAt(date: WallDate, time: WallTime, zoneNow: DateTime): DateTime | null {
  const at = DateTime.fromObject({ ...date, ...time }, { zone: zoneNow.zone });
  // An impossible date (31 June) is invalid rather than rolled into the next month.
  return at.isValid && at.day === date.day ? at : null;
}

function impliedDate(c: ParsedComponents): WallDate {
  return { year: c.get('year') ?? 0, month: c.get('month') ?? 0, day: c.get('day') ?? 0 };
}

function dateOf(at: DateTime): WallDate {
  return { year: at.year, month: at.month, day: at.day };
}

/** Calendar arithmetic on a plain date (no zone, so no daylight-saving effects). */
function addDays(date: WallDate, days: number): WallDate {
  return dateOf(DateTime.utc(date.year, date.month, date.day).plus({ days }));
}

/** The parsed wall clock as milliseconds, read as if UTC. */
function parsedWallMs(c: ParsedComponents): number {
  const get = (unit: Component): number => c.get(unit) ?? 0;
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), get('millisecond'));
}

/** A Date's process-local wall clock as milliseconds, read as if UTC. */
function localWallMs(d: Date): number {
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
}
