import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { movieLabel } from '../catalog.ts';
import { UserError } from '../errors.ts';
import type { Recommender } from '../recommender/types.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import type { RecommendDeps } from './deps.ts';
import { addFavorite, forgetUser, listFavorites, recommend, recordFeedback, removeFavorite, shareLink } from './index.ts';
import { smallCatalog as catalog, smallModel } from '../testing/small-world.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };
let model: Recommender;
let deps: RecommendDeps;

beforeAll(async () => {
  model = await smallModel();
});
beforeEach(() => {
  deps = {
    accounts: new MemoryAccounts(),
    favorites: new MemoryFavorites(),
    feedback: new MemoryFeedback(),
    seen: new MemorySeen(),
    watchlist: new MemoryWatchlist(),
    catalog,
    model: () => model,
  };
});

const ids = (picks: { movie: { id: number } }[]) => picks.map((p) => p.movie.id);

describe('favourites', () => {
  it('adds once, lists in order, removes', async () => {
    expect((await addFavorite(deps, ann, 3)).added).toBe(true);
    expect((await addFavorite(deps, ann, 1)).added).toBe(true);
    expect((await addFavorite(deps, ann, 3)).added).toBe(false);
    expect((await listFavorites(deps, ann)).map((m) => m.id)).toEqual([3, 1]);
    expect((await removeFavorite(deps, ann, 3)).id).toBe(3);
    expect((await listFavorites(deps, ann)).map((m) => m.id)).toEqual([1]);
  });

  it('a movie that does not exist, or a favourite that is not one, is a user error', async () => {
    await expect(addFavorite(deps, ann, 123456)).rejects.toMatchObject({ code: 'MOVIE_NOT_FOUND' });
    await expect(addFavorite(deps, ann, Number.NaN)).rejects.toBeInstanceOf(UserError);
    await expect(removeFavorite(deps, ann, 5)).rejects.toMatchObject({ code: 'NOT_A_FAVORITE' });
    expect(await listFavorites(deps, { platform: 'telegram', platformUserId: 'nobody' })).toEqual([]);
  });
});

describe('recommend', () => {
  it('follows favourites and 👍, explains each pick, and never repeats them', async () => {
    await addFavorite(deps, ann, 1);
    await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button' });
    const picks = await recommend(deps, ann, { k: 5 });
    expect(picks).toHaveLength(5);
    expect(ids(picks)).not.toContain(1);
    expect(ids(picks)).not.toContain(2);
    expect(picks.filter((p) => p.movie.genres.includes('Sci-Fi')).length).toBeGreaterThanOrEqual(3);
    for (const p of picks) if (p.movie.genres.includes('Sci-Fi')) expect([1, 2]).toContain(p.because?.id);
  });

  it('a 👎 takes the movie out of the next list and lowers its kind', async () => {
    await addFavorite(deps, ann, 1);
    await addFavorite(deps, ann, 21);
    const before = await recommend(deps, ann, { k: 10 });
    const romance = ids(before).find((id) => id >= 21 && id <= 32)!;
    await recordFeedback(deps, { identity: ann, movieId: romance, value: -1, source: 'button' });
    const after = await recommend(deps, ann, { k: 10 });
    expect(ids(after)).not.toContain(romance);
    const count = (list: number[]) => list.filter((id) => id >= 21 && id <= 32).length;
    expect(count(ids(after))).toBeLessThanOrEqual(count(ids(before)) - 1);
  });

  it('excludes what was already shown, and starts a newcomer with the server’s favourites', async () => {
    const first = await recommend(deps, ann, { k: 3, popular: [30, 31] });
    expect(ids(first).slice(0, 2)).toEqual([30, 31]);
    const next = await recommend(deps, ann, { k: 3, seen: ids(first) });
    for (const id of ids(first)) expect(ids(next)).not.toContain(id);
  });

  it('says so when no model is ready yet', async () => {
    await expect(recommend({ ...deps, model: () => null }, ann, { k: 5 })).rejects.toMatchObject({ code: 'NO_MODEL_YET' });
  });
});

describe('feedback, sharing, forgetting', () => {
  it('records a redelivered click once', async () => {
    const click = { identity: ann, movieId: 5, value: 1 as const, source: 'button' as const, eventKey: 'interaction-1' };
    expect((await recordFeedback(deps, click)).recorded).toBe(true);
    expect((await recordFeedback(deps, click)).recorded).toBe(false);
    await expect(recordFeedback(deps, { ...click, movieId: 999, eventKey: 'x' })).rejects.toMatchObject({ code: 'MOVIE_NOT_FOUND' });
  });

  it('counts reactions by the state they set, and a removed 👍 takes back only a 👍', async () => {
    const react = (value: 1 | -1 | 0, retracts?: 1 | -1) => recordFeedback(deps, { identity: ann, movieId: 7, value, source: 'reaction', retracts });
    expect((await react(1)).recorded).toBe(true);
    expect((await react(1)).recorded).toBe(false);
    expect((await react(-1)).recorded).toBe(true);
    // The 👍 is removed after the 👎 was added: the 👎 stays.
    expect((await react(0, 1)).recorded).toBe(false);
    expect((await deps.feedback.current(1)).get(7)).toBe(-1);
    expect((await react(0, -1)).recorded).toBe(true);
    expect((await deps.feedback.current(1)).has(7)).toBe(false);
  });

  it('shares a stable link until it is replaced', async () => {
    const share = { accounts: deps.accounts, sharedLists: new MemorySharedLists(), publicUrl: 'https://movies.example.org/' };
    const url = await shareLink(share, ann);
    expect(url).toMatch(/^https:\/\/movies\.example\.org\/l\/\S{24}$/);
    expect(await shareLink(share, ann)).toBe(url);
    expect(await shareLink(share, ann, { replace: true })).not.toBe(url);
  });

  it('forgets a user entirely', async () => {
    await addFavorite(deps, ann, 1);
    expect(await forgetUser(deps, ann)).toBe(true);
    expect(await listFavorites(deps, ann)).toEqual([]);
    expect(await forgetUser(deps, ann)).toBe(false);
  });
});

describe('movieLabel', () => {
  it('reads as people write titles and fits Discord’s 100 characters', () => {
    expect(movieLabel({ title: 'Matrix, The', year: 1999 })).toBe('The Matrix (1999)');
    const long = movieLabel({ title: 'x'.repeat(300), year: 2001 });
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('… (2001)')).toBe(true);
  });
});
