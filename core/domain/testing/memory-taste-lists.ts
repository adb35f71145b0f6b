import type { ImportedMovie, ImportKind } from '../import/types.ts';
import type { SeenSource } from '../model.ts';
import type { ImportApplied, ImportStore } from '../ports/import.store.ts';
import type { SeenStore } from '../ports/seen.store.ts';
import type { WatchlistStore } from '../ports/watchlist.store.ts';
import type { MemoryFeedback, MemoryPersonRows } from './memory-stores.ts';

/**
 * In-memory seen marks, watchlists and imports for use-case tests; the
 * drizzle repositories pass the same contract (taste-lists.contract.ts).
 */

interface Row {
  movieId: number;
  at: Date;
}

/** Rows per person, newest first. */
class PersonLists {
  readonly rows = new Map<number, Row[]>();

  add(userId: number, movieId: number, at = new Date()): boolean {
    const rows = this.rows.get(userId) ?? [];
    if (rows.some((r) => r.movieId === movieId)) return false;
    // A stable sort with the new row first: of rows dated alike, the last added comes first.
    this.rows.set(
      userId,
      [{ movieId, at }, ...rows].sort((a, b) => b.at.getTime() - a.at.getTime()),
    );
    return true;
  }
  remove(userId: number, movieId: number): boolean {
    const rows = this.rows.get(userId) ?? [];
    this.rows.set(
      userId,
      rows.filter((r) => r.movieId !== movieId),
    );
    return rows.some((r) => r.movieId === movieId);
  }
  has(userId: number, movieId: number): boolean {
    return (this.rows.get(userId) ?? []).some((r) => r.movieId === movieId);
  }
  list(userId: number): number[] {
    return (this.rows.get(userId) ?? []).map((r) => r.movieId);
  }
  listMany(userIds: readonly number[]): Map<number, number[]> {
    return new Map(userIds.map((id) => [id, this.list(id)]));
  }
  /** What deleting a user cascades to (pass it to MemoryAccounts' onDelete). */
  dropUser(userId: number): void {
    this.rows.delete(userId);
  }
  /** Two people become one: both lists; on a film both have, the later date when `newest`, else the survivor's row. */
  merge(from: number, into: number, newest: boolean): void {
    const mine = new Map((this.rows.get(into) ?? []).map((r) => [r.movieId, r]));
    for (const row of this.rows.get(from) ?? []) {
      const theirs = mine.get(row.movieId);
      if (!theirs || (newest && row.at > theirs.at)) mine.set(row.movieId, row);
    }
    this.rows.set(
      into,
      [...mine.values()].sort((a, b) => b.at.getTime() - a.at.getTime()),
    );
    this.rows.delete(from);
  }
  copy(from: number, to: number): void {
    this.rows.set(
      to,
      (this.rows.get(from) ?? []).map((r) => ({ ...r })),
    );
  }
}

export class MemorySeen implements SeenStore, MemoryPersonRows {
  readonly lists = new PersonLists();
  readonly sources = new Map<string, SeenSource>();

  /** As the database: a film both have seen keeps the later date. */
  mergeUser(from: number, into: number) {
    this.lists.merge(from, into, true);
  }
  splitUser(from: number, to: number) {
    this.lists.copy(from, to);
  }

  async mark(userId: number, movieId: number, source: SeenSource, at?: Date) {
    const added = this.lists.add(userId, movieId, at);
    if (added) this.sources.set(`${userId}:${movieId}`, source);
    return added;
  }
  async unmark(userId: number, movieId: number) {
    return this.lists.remove(userId, movieId);
  }
  async list(userId: number) {
    return this.lists.list(userId);
  }
  async listMany(userIds: readonly number[]) {
    return this.lists.listMany(userIds);
  }
  dropUser(userId: number): void {
    this.lists.dropUser(userId);
  }
}

export class MemoryWatchlist implements WatchlistStore, MemoryPersonRows {
  readonly lists = new PersonLists();

  mergeUser(from: number, into: number) {
    this.lists.merge(from, into, false);
  }
  splitUser(from: number, to: number) {
    this.lists.copy(from, to);
  }

  async add(userId: number, movieId: number, at?: Date) {
    return this.lists.add(userId, movieId, at);
  }
  async remove(userId: number, movieId: number) {
    return this.lists.remove(userId, movieId);
  }
  async list(userId: number) {
    return this.lists.list(userId);
  }
  async listMany(userIds: readonly number[]) {
    return this.lists.listMany(userIds);
  }
  dropUser(userId: number): void {
    this.lists.dropUser(userId);
  }
}

/** Applies an import to the memory stores as the drizzle transaction does: decided first, then written whole, or not at all when `failWith` is set. */
export class MemoryImports implements ImportStore {
  /** Set to make the next imports fail before writing anything (a database that refuses the transaction). */
  failWith: Error | null = null;
  /** Imports applied, one entry per call: a test sees that one import is one write. */
  readonly applied: { userId: number; rows: number }[] = [];

  constructor(private readonly stores: { feedback: MemoryFeedback; seen: MemorySeen; watchlist: MemoryWatchlist }) {}

  async applyImport(userId: number, movies: readonly ImportedMovie[]): Promise<ImportApplied> {
    if (this.failWith) throw this.failWith;
    const { feedback, seen, watchlist } = this.stores;
    const now = new Date();
    const stances = await feedback.current(userId);
    const stored: ImportApplied = { like: 0, dislike: 0, seen: 0, watchlist: 0 };
    const watched: number[] = [];
    const of = (kind: ImportKind) => movies.filter((m) => m.kind === kind);
    for (const m of [...of('like'), ...of('dislike')]) {
      if (stances.has(m.movieId)) continue;
      await feedback.record({ userId, movieId: m.movieId, value: m.kind === 'like' ? 1 : -1, source: 'import' });
      stored[m.kind]++;
      watched.push(m.movieId);
    }
    for (const m of of('seen')) {
      if (!(await seen.mark(userId, m.movieId, 'import', dated(m, now)))) continue;
      stored.seen++;
      watched.push(m.movieId);
    }
    for (const m of of('watchlist')) {
      if (stances.has(m.movieId) || seen.lists.has(userId, m.movieId)) continue;
      if (await watchlist.add(userId, m.movieId, dated(m, now))) stored.watchlist++;
    }
    for (const id of watched) await watchlist.remove(userId, id);
    this.applied.push({ userId, rows: movies.length });
    return stored;
  }
}

function dated(movie: ImportedMovie, now: Date): Date {
  return movie.at && movie.at < now ? movie.at : now;
}
