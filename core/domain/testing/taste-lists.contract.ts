import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedMovie } from '../import/types.ts';
import type { FeedbackStore } from '../ports/feedback.store.ts';
import type { ImportStore } from '../ports/import.store.ts';
import type { SeenStore } from '../ports/seen.store.ts';
import type { WatchlistStore } from '../ports/watchlist.store.ts';

/**
 * What every SeenStore, WatchlistStore and ImportStore does, whatever keeps
 * them: run by the Postgres and PGlite repositories
 * (core/infra/db/taste-lists.contract.test.ts) and by the in-memory ones,
 * through a fixture that makes the people and films their rows refer to.
 */
export interface TasteListsFixture {
  seen: SeenStore;
  watchlist: WatchlistStore;
  imports: ImportStore;
  feedback: FeedbackStore;
  /** A new person; their user id. */
  user(): Promise<number>;
  /** At least 2,500 film ids that exist. */
  movies: readonly number[];
  /** Forgets a person (forgetUser): their seen films and watchlist go with them. */
  forget(userId: number): Promise<void>;
  close(): Promise<void>;
}

const day = (n: number) => new Date(Date.UTC(2023, 0, n));

export function tasteListsContract(name: string, openFixture: () => Promise<TasteListsFixture>): void {
  describe(`seen, watchlist and imports on ${name}`, () => {
    let fx: TasteListsFixture;
    let m: readonly number[];
    beforeAll(async () => {
      fx = await openFixture();
      m = fx.movies;
    });
    afterAll(async () => {
      await fx?.close();
    });

    it('marks a film seen once, newest first, and takes a mark back once', async () => {
      const u = await fx.user();
      expect(await fx.seen.mark(u, m[0]!, 'button')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await fx.seen.mark(u, m[1]!, 'command')).toBe(true);
      expect(await fx.seen.mark(u, m[0]!, 'import')).toBe(false);
      expect(await fx.seen.list(u)).toEqual([m[1], m[0]]);
      expect(await fx.seen.unmark(u, m[1]!)).toBe(true);
      expect(await fx.seen.unmark(u, m[1]!)).toBe(false);
      expect(await fx.seen.list(u)).toEqual([m[0]]);
    });

    it('keeps a watchlist once each, newest first', async () => {
      const u = await fx.user();
      expect(await fx.watchlist.add(u, m[2]!)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await fx.watchlist.add(u, m[3]!)).toBe(true);
      expect(await fx.watchlist.add(u, m[2]!)).toBe(false);
      expect(await fx.watchlist.list(u)).toEqual([m[3], m[2]]);
      expect(await fx.watchlist.remove(u, m[3]!)).toBe(true);
      expect(await fx.watchlist.remove(u, m[3]!)).toBe(false);
      expect(await fx.watchlist.list(u)).toEqual([m[2]]);
    });

    it("reads several people's lists at once, as one person at a time would, everyone asked a key", async () => {
      const [a, b, nobody] = [await fx.user(), await fx.user(), await fx.user()];
      await fx.seen.mark(a, m[0]!, 'button');
      await fx.seen.mark(b, m[1]!, 'button');
      await fx.watchlist.add(b, m[2]!);
      const people = [b, nobody, a];
      const [seen, later] = [await fx.seen.listMany(people), await fx.watchlist.listMany(people)];
      for (const u of people) {
        expect(seen.get(u)).toEqual(await fx.seen.list(u));
        expect(later.get(u)).toEqual(await fx.watchlist.list(u));
      }
      expect(seen.get(nobody)).toEqual([]);
      expect((await fx.seen.listMany([])).size).toBe(0);
    });

    it('forgetting a person takes their seen films and watchlist with them', async () => {
      const u = await fx.user();
      await fx.seen.mark(u, m[0]!, 'button');
      await fx.watchlist.add(u, m[1]!);
      await fx.forget(u);
      expect(await fx.seen.list(u)).toEqual([]);
      expect(await fx.watchlist.list(u)).toEqual([]);
    });

    const rows: ImportedMovie[] = [];
    beforeAll(() => {
      rows.push(
        { movieId: m[0]!, kind: 'like', at: day(1) },
        { movieId: m[1]!, kind: 'dislike', at: day(2) },
        { movieId: m[2]!, kind: 'seen', at: day(3) },
        { movieId: m[3]!, kind: 'seen' },
        { movieId: m[4]!, kind: 'watchlist', at: day(5) },
      );
    });

    it("stores 👍/👎 as feedback from 'import', seen films and the watchlist, and counts what it stored", async () => {
      const u = await fx.user();
      expect(await fx.imports.applyImport(u, rows)).toEqual({ like: 1, dislike: 1, seen: 2, watchlist: 1 });
      expect(await fx.feedback.current(u)).toEqual(
        new Map([
          [m[0], 1],
          [m[1], -1],
        ]),
      );
      const history = (await fx.feedback.history(u)).map((h) => [h.movieId, h.value, h.source]);
      expect(history).toHaveLength(2);
      expect(history).toEqual(
        expect.arrayContaining([
          [m[0], 1, 'import'],
          [m[1], -1, 'import'],
        ]),
      );
      // Undated rows are dated now: the newest.
      expect(await fx.seen.list(u)).toEqual([m[3], m[2]]);
      expect(await fx.watchlist.list(u)).toEqual([m[4]]);
    });

    it('imported again, stores nothing and changes nothing', async () => {
      const u = await fx.user();
      await fx.imports.applyImport(u, rows);
      const before = { history: await fx.feedback.history(u), seen: await fx.seen.list(u), later: await fx.watchlist.list(u) };
      expect(await fx.imports.applyImport(u, rows)).toEqual({ like: 0, dislike: 0, seen: 0, watchlist: 0 });
      expect({ history: await fx.feedback.history(u), seen: await fx.seen.list(u), later: await fx.watchlist.list(u) }).toEqual(before);
    });

    it('keeps a stance given here over the import; skips "later" for a film seen or rated here', async () => {
      const u = await fx.user();
      await fx.feedback.record({ userId: u, movieId: m[0]!, value: -1, source: 'button' });
      await fx.feedback.record({ userId: u, movieId: m[1]!, value: 1, source: 'button' });
      await fx.seen.mark(u, m[5]!, 'button');
      const stored = await fx.imports.applyImport(u, [
        ...rows,
        { movieId: m[6]!, kind: 'watchlist' },
        { movieId: m[5]!, kind: 'watchlist' },
        { movieId: m[0]!, kind: 'watchlist' },
      ]);
      expect(stored).toEqual({ like: 0, dislike: 0, seen: 2, watchlist: 2 });
      expect(await fx.feedback.current(u)).toEqual(
        new Map([
          [m[0], -1],
          [m[1], 1],
        ]),
      );
      expect((await fx.feedback.history(u)).every((h) => h.source === 'button')).toBe(true);
      expect([...(await fx.watchlist.list(u))].sort()).toEqual([m[4], m[6]].sort());
    });

    it('takes a film it newly stored as 👍, 👎 or seen off the watchlist; a film already stored stays listed', async () => {
      const u = await fx.user();
      for (const id of [m[0]!, m[2]!]) await fx.watchlist.add(u, id);
      await fx.imports.applyImport(u, rows);
      expect(await fx.watchlist.list(u)).toEqual([m[4]]);
      // Put back on the list since (a rewatch): importing the same file again leaves it there.
      await fx.watchlist.add(u, m[2]!);
      await fx.imports.applyImport(u, rows);
      expect([...(await fx.watchlist.list(u))].sort()).toEqual([m[2], m[4]].sort());
    });

    it('stores a large import whole', async () => {
      const u = await fx.user();
      const many = m.slice(0, 2_500).map((movieId, i): ImportedMovie => ({ movieId, kind: i % 2 === 0 ? 'seen' : 'like', at: day(1 + (i % 300)) }));
      expect(await fx.imports.applyImport(u, many)).toEqual({ like: 1_250, dislike: 0, seen: 1_250, watchlist: 0 });
      expect((await fx.seen.list(u)).length).toBe(1_250);
      expect((await fx.feedback.current(u)).size).toBe(1_250);
    });
  });
}
