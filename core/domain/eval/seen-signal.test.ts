import { describe, expect, it } from 'vitest';
import { likes3Case } from './protocols.ts';
import { ids, testUser } from './synthetic-data.ts';
import { SEEN_SIGNAL_MAX, seenSignalCase } from './seen-signal.ts';

describe('seenSignalCase', () => {
  it('is the likes3 case with up to 10 neutral films as seen', () => {
    const user = testUser(4, ids(1, 12), [50, 51], ids(60, 15));
    const base = likes3Case(user, 9)!;
    const c = seenSignalCase(user, 9)!;
    expect(c.profile.likes).toEqual(base.profile.likes);
    expect(c.targets).toEqual(base.targets);
    expect(c.profile.seen).toHaveLength(SEEN_SIGNAL_MAX);
    for (const id of c.profile.seen!) expect(id >= 60 && id < 75).toBe(true);
    expect(seenSignalCase(user, 9)).toEqual(c);
  });

  it('passes every neutral film when there are few, none when there are none, and needs 8 positives', () => {
    expect(seenSignalCase(testUser(4, ids(1, 8), [50], [60, 61]), 1)!.profile.seen).toEqual([60, 61]);
    expect(seenSignalCase(testUser(4, ids(1, 8), [50]), 1)!.profile.seen).toEqual([]);
    expect(seenSignalCase(testUser(4, ids(1, 7), [], [60]), 1)).toBeUndefined();
  });
});
