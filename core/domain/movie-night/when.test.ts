import { afterAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_HOUR, WHEN_EXAMPLE, formatWhen, isTimeZone, normalizeTimeZone, parseWhen } from './when.ts';

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];

/** An instant given as wall time in `zone`. */
function wall(zone: string, iso: string): Date {
  const at = DateTime.fromISO(iso, { zone });
  if (!at.isValid) throw new Error(`bad test time ${iso}`);
  return at.toJSDate();
}

/** What parseWhen answers, as wall time in the zone ("Fri 2026-12-11 21:00"), or null. */
function when(text: string, nowIso: string, zone: string): string | null {
  const at = parseWhen(text, wall(zone, nowIso), zone);
  return at === null ? null : DateTime.fromJSDate(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
}

/** What parseWhen answers, as a UTC instant, or null. */
function instant(text: string, nowIso: string, zone: string): string | null {
  return parseWhen(text, wall(zone, nowIso), zone)?.toISOString() ?? null;
}

// Wednesday 9 December 2026, 18:00 wall time in each zone.
const WED_EVENING = '2026-12-09T18:00';

describe('parseWhen: the accepted forms, as wall time in the server zone', () => {
  const cases: [string, string][] = [
    ['fri 21:00', 'Fri 2026-12-11 21:00'],
    ['friday 9pm', 'Fri 2026-12-11 21:00'],
    ['Fri at 9:30 pm', 'Fri 2026-12-11 21:30'],
    ['tomorrow 8pm', 'Thu 2026-12-10 20:00'],
    ['in 2h', 'Wed 2026-12-09 20:00'],
    ['in 90 minutes', 'Wed 2026-12-09 19:30'],
    ['2026-12-12 20:30', 'Sat 2026-12-12 20:30'],
    ['12/12 20:30', 'Sat 2026-12-12 20:30'],
    // Day first: 11 December, not 12 November.
    ['11/12 20:30', 'Fri 2026-12-11 20:30'],
    ['12 dec 20:30', 'Sat 2026-12-12 20:30'],
    ['tonight 21:00', 'Wed 2026-12-09 21:00'],
    ['today 21:00', 'Wed 2026-12-09 21:00'],
    // A time alone: today while it is ahead, else tomorrow.
    ['20:30', 'Wed 2026-12-09 20:30'],
    ['17:00', 'Thu 2026-12-10 17:00'],
    // Today's weekday: today while the time is ahead, else next week; never a past one.
    ['wed 21:00', 'Wed 2026-12-09 21:00'],
    ['wed 17:00', 'Wed 2026-12-16 17:00'],
    ['mon 21:00', 'Mon 2026-12-14 21:00'],
    ['sun 20:00', 'Sun 2026-12-13 20:00'],
    // A day without a time starts at the default hour.
    ['fri', `Fri 2026-12-11 ${DEFAULT_HOUR}:00`],
    ['tomorrow', `Thu 2026-12-10 ${DEFAULT_HOUR}:00`],
    ['tonight', `Wed 2026-12-09 ${DEFAULT_HOUR}:00`],
    ['in 2 days', `Fri 2026-12-11 ${DEFAULT_HOUR}:00`],
    ['saturday evening', 'Sat 2026-12-12 20:00'],
    [` ${WHEN_EXAMPLE}. `, 'Fri 2026-12-11 21:00'],
  ];
  for (const zone of ZONES) {
    it.each(cases)(`${zone}: %s`, (text, expected) => {
      expect(when(text, WED_EVENING, zone)).toBe(expected);
    });
  }

  it('places the wall time at the right instant in zones far apart', () => {
    expect(instant('fri 21:00', WED_EVENING, 'Europe/Berlin')).toBe('2026-12-11T20:00:00.000Z');
    expect(instant('fri 21:00', WED_EVENING, 'America/Los_Angeles')).toBe('2026-12-12T05:00:00.000Z');
    expect(instant('fri 21:00', WED_EVENING, 'Asia/Kolkata')).toBe('2026-12-11T15:30:00.000Z');
    expect(instant('fri 21:00', WED_EVENING, 'Pacific/Auckland')).toBe('2026-12-11T08:00:00.000Z');
    expect(instant('fri 21:00', WED_EVENING, 'UTC')).toBe('2026-12-11T21:00:00.000Z');
  });

  it('reads "today" and "tomorrow" in the zone even when its date differs from UTC', () => {
    // Wed 23:30 in Auckland is Wed 10:30 UTC; 22:00 in Los Angeles is already Thursday in UTC.
    expect(when('tomorrow 8pm', '2026-12-09T23:30', 'Pacific/Auckland')).toBe('Thu 2026-12-10 20:00');
    expect(when('20:30', '2026-12-09T23:30', 'Pacific/Auckland')).toBe('Thu 2026-12-10 20:30');
    expect(when('tomorrow 8pm', '2026-12-09T22:00', 'America/Los_Angeles')).toBe('Thu 2026-12-10 20:00');
    expect(instant('tomorrow 8pm', '2026-12-09T22:00', 'America/Los_Angeles')).toBe('2026-12-11T04:00:00.000Z');
  });

  it('counts durations from the real instant', () => {
    const now = wall('Asia/Kolkata', '2026-12-09T18:07:30');
    expect(parseWhen('in 2h', now, 'Asia/Kolkata')?.getTime()).toBe(now.getTime() + 2 * 3_600_000);
    expect(parseWhen('in 90 minutes', now, 'Asia/Kolkata')?.getTime()).toBe(now.getTime() + 90 * 60_000);
  });

  it('never turns a weekday into a past one, whatever day it is now', () => {
    for (let offset = 0; offset < 7; offset++) {
      for (const hour of ['10:00', '21:00', '23:59']) {
        const nowIso = `${DateTime.fromISO('2026-12-07').plus({ days: offset }).toISODate()}T${hour}`;
        const now = wall('Europe/Berlin', nowIso);
        const at = parseWhen('fri 21:00', now, 'Europe/Berlin');
        expect(at, nowIso).not.toBeNull();
        const local = DateTime.fromJSDate(at!, { zone: 'Europe/Berlin' });
        expect(local.toFormat('ccc HH:mm'), nowIso).toBe('Fri 21:00');
        expect(at!.getTime(), nowIso).toBeGreaterThan(now.getTime());
        expect(at!.getTime() - now.getTime(), nowIso).toBeLessThanOrEqual(7 * 24 * 3_600_000);
      }
    }
  });

  it('a year left out is the nearest: early January said in late December is next year', () => {
    expect(when('5 jan 20:00', '2026-12-28T10:00', 'Europe/Berlin')).toBe('Tue 2027-01-05 20:00');
    expect(when('2/1 20:00', '2026-12-28T10:00', 'Europe/Berlin')).toBe('Sat 2027-01-02 20:00');
  });

  it('returns a past date as it is, for the caller to reject', () => {
    expect(when('5/12 20:30', WED_EVENING, 'Europe/Berlin')).toBe('Sat 2026-12-05 20:30');
    expect(when('tonight 17:00', WED_EVENING, 'Europe/Berlin')).toBe('Wed 2026-12-09 17:00');
  });

  it('a zone written in the text wins over the server zone', () => {
    expect(instant('21:00 UTC', WED_EVENING, 'Europe/Berlin')).toBe('2026-12-09T21:00:00.000Z');
  });
});

describe('parseWhen across daylight-saving changes', () => {
  it('Europe/Berlin, spring forward on Sunday 29 March 2026', () => {
    const sat = '2026-03-28T20:00';
    expect(instant('sun 21:00', sat, 'Europe/Berlin')).toBe('2026-03-29T19:00:00.000Z');
    expect(instant('tomorrow 8pm', sat, 'Europe/Berlin')).toBe('2026-03-29T18:00:00.000Z');
    // From 00:30 CET: two real hours later is 03:30 CEST, not the wall clock's 02:30.
    expect(instant('in 2h', '2026-03-29T00:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(when('in 2h', '2026-03-29T00:30', 'Europe/Berlin')).toBe('Sun 2026-03-29 03:30');
    // 02:30 does not exist that night: it moves forward by the gap.
    expect(when('2026-03-29 02:30', sat, 'Europe/Berlin')).toBe('Sun 2026-03-29 03:30');
    expect(instant('2026-03-29 02:30', sat, 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('Europe/Berlin, fall back on Sunday 25 October 2026', () => {
    const sat = '2026-10-24T20:00';
    expect(instant('sun 21:00', sat, 'Europe/Berlin')).toBe('2026-10-25T20:00:00.000Z');
    expect(instant('tomorrow 20:00', sat, 'Europe/Berlin')).toBe('2026-10-25T19:00:00.000Z');
    // 24 real hours on a 25-hour day end an hour earlier on the wall clock.
    expect(when('in 24 hours', sat, 'Europe/Berlin')).toBe('Sun 2026-10-25 19:00');
    // 02:30 happens twice: the later, standard-time one.
    expect(instant('2026-10-25 02:30', sat, 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('America/Los_Angeles (8 March 2026) and Pacific/Auckland (5 April 2026)', () => {
    expect(instant('sun 21:00', '2026-03-07T20:00', 'America/Los_Angeles')).toBe('2026-03-09T04:00:00.000Z');
    expect(instant('sat 21:00', '2026-03-07T20:00', 'America/Los_Angeles')).toBe('2026-03-08T05:00:00.000Z');
    expect(instant('sun 21:00', '2026-04-04T20:00', 'Pacific/Auckland')).toBe('2026-04-05T09:00:00.000Z');
    expect(instant('sat 21:00', '2026-04-04T20:00', 'Pacific/Auckland')).toBe('2026-04-04T08:00:00.000Z');
  });
});

describe('parseWhen rejects what is not a time', () => {
  it.each([
    'garbage',
    '',
    '   ',
    'movie',
    'fri 9',
    'fri 21h',
    'fri 25:00',
    'friday the 13th',
    'let us meet fri 21:00 maybe',
    'fri 21:00 and sat 20:00',
    '31/6 20:00',
    `fri 21:00 ${'x'.repeat(200)}`,
  ])('%j', (text) => {
    expect(parseWhen(text, wall('Europe/Berlin', WED_EVENING), 'Europe/Berlin')).toBeNull();
  });

  it('an unknown zone or an invalid now gives null', () => {
    expect(parseWhen('fri 21:00', new Date(), 'Mars/Base')).toBeNull();
    expect(parseWhen('fri 21:00', new Date(Number.NaN), 'UTC')).toBeNull();
  });
});

describe('parseWhen does not depend on the process time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const probes: [string, string, string][] = [
    ['fri 21:00', WED_EVENING, 'Asia/Kolkata'],
    ['tomorrow 8pm', '2026-12-09T23:30', 'Pacific/Auckland'],
    ['20:30', '2026-12-09T22:00', 'America/Los_Angeles'],
    ['in 2h', '2026-03-29T00:30', 'Europe/Berlin'],
    ['sun 21:00', '2026-10-24T20:00', 'Europe/Berlin'],
    ['2026-03-29 02:30', '2026-03-28T20:00', 'Europe/Berlin'],
    ['in 2h', '2026-03-08T01:30', 'UTC'],
    // Inside New York's spring-forward gap: the reference chrono sees is shifted there.
    ['in 2h', '2026-03-08T02:30', 'UTC'],
    ['21:00', '2026-03-08T02:30', 'UTC'],
  ];
  it('gives the same instants under UTC, New York, Kolkata and Chatham', () => {
    process.env.TZ = 'UTC';
    const expected = probes.map(([text, now, zone]) => instant(text, now, zone));
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      process.env.TZ = tz;
      // The process really runs in that zone now.
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), tz).not.toBe(0);
      expect(
        probes.map(([text, now, zone]) => instant(text, now, zone)),
        tz,
      ).toEqual(expected);
    }
  });
});

describe('formatWhen', () => {
  it('shows weekday, date, 24-hour time and the zone', () => {
    const at = new Date('2026-12-12T20:00:00Z');
    expect(formatWhen(at, 'Europe/Berlin')).toBe('Sat 12 Dec, 21:00 (Europe/Berlin)');
    expect(formatWhen(at, 'America/Los_Angeles')).toBe('Sat 12 Dec, 12:00 (America/Los_Angeles)');
    expect(formatWhen(at, 'Asia/Kolkata')).toBe('Sun 13 Dec, 01:30 (Asia/Kolkata)');
    expect(formatWhen(at, 'Pacific/Auckland')).toBe('Sun 13 Dec, 09:00 (Pacific/Auckland)');
    expect(formatWhen(new Date('2026-09-04T07:05:00Z'), 'UTC')).toBe('Fri 4 Sep, 07:05 (UTC)');
  });

  it('falls back to UTC, and says so, for an unknown zone', () => {
    expect(formatWhen(new Date('2026-12-12T20:00:00Z'), 'Mars/Base')).toBe('Sat 12 Dec, 20:00 (UTC)');
  });

  it('shows back what parseWhen understood', () => {
    const now = wall('Europe/Berlin', WED_EVENING);
    expect(formatWhen(parseWhen(WHEN_EXAMPLE, now, 'Europe/Berlin')!, 'Europe/Berlin')).toBe('Fri 11 Dec, 21:00 (Europe/Berlin)');
  });
});

describe('isTimeZone and normalizeTimeZone', () => {
  it('accepts IANA zones only', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(' Europe/Berlin')).toBe(false);
    expect(isTimeZone('+05:00')).toBe(false);
  });

  it('spells a zone as the database does', () => {
    expect(normalizeTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(normalizeTimeZone(' America/Los_Angeles ')).toBe('America/Los_Angeles');
    expect(normalizeTimeZone('utc')).toBe('UTC');
    expect(normalizeTimeZone('Mars/Base')).toBeNull();
    expect(normalizeTimeZone('')).toBeNull();
  });
});
