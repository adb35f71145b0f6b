import { describe, expect, it } from 'vitest';
import { likes3Case, sgCase, sgLikeCount } from './protocols.ts';
import { ids, testUser } from './synthetic-data.ts';

describe('sg', () => {
  it('gives 80% of the positives, rounded, at least one and at most all but one', () => {
    // 5 → 4, 6 → 4.8 → 5, 7 → 5.6 → 6, 8 → 6.4 → 6, 9 → 7.2 → 7, 10 → 8, 13 → 10.4 → 10.
    expect([5, 6, 7, 8, 9, 10, 13].map(sgLikeCount)).toEqual([4, 5, 6, 6, 7, 8, 10]);
    // Small counts hit the bounds: 2 → 1.6 → 2, capped to all but one.
    expect([2, 3].map(sgLikeCount)).toEqual([1, 2]);
  });

  it('needs 5 positives', () => {
    expect(sgCase(testUser(1, ids(1, 4), [90]), 1)).toBeUndefined();
    expect(sgCase(testUser(1, ids(1, 5), [90]), 1)).toBeDefined();
  });

  it('splits the positives into likes and targets, and gives all dislikes but no neutral movie', () => {
    const user = testUser(7, ids(1, 12), [50, 51], [60]);
    const c = sgCase(user, 1)!;
    expect(c.profile.likes).toHaveLength(10);
    expect(c.targets.size).toBe(2);
    expect([...c.profile.likes, ...c.targets].sort((a, b) => a - b)).toEqual(user.positives);
    expect(c.profile.dislikes).toEqual([50, 51]);
    expect(c.profile.seen).toEqual([]);
  });
});

describe('likes3', () => {
  it('needs 8 positives', () => {
    expect(likes3Case(testUser(1, ids(1, 7)), 1)).toBeUndefined();
    expect(likes3Case(testUser(1, ids(1, 8)), 1)).toBeDefined();
  });

  it('gives three positives and nothing else; every other positive is a target', () => {
    const user = testUser(3, ids(1, 20), [50], [60]);
    const c = likes3Case(user, 1)!;
    expect(c.profile.likes).toHaveLength(3);
    expect(c.profile.dislikes).toEqual([]);
    expect(c.profile.seen).toEqual([]);
    expect(c.targets.size).toBe(17);
    for (const id of c.profile.likes) expect(c.targets.has(id)).toBe(false);
  });
});

describe('sampling', () => {
  const users = Array.from({ length: 30 }, (_, i) => testUser(i + 1, ids(1, 20)));

  it('is the same for a seed and user, and differs between users and seeds', () => {
    const likes = (seed: number) => users.map((u) => likes3Case(u, seed)!.profile.likes);
    expect(likes(5)).toEqual(likes(5));
    expect(likes(6)).not.toEqual(likes(5));
    expect(new Set(likes(5).map((l) => l.join())).size).toBeGreaterThan(20);
  });

  it('draws each protocol from its own stream', () => {
    // Equal positives, so only the stream name can make the samples differ.
    const sg = users.map((u) => sgCase(u, 5)!.targets);
    const likes3 = users.map((u) => new Set(ids(1, 20).filter((id) => !likes3Case(u, 5)!.profile.likes.includes(id))));
    expect(sg.some((t, i) => [...t].some((id) => !likes3[i]!.has(id)))).toBe(true);
  });
});
