import type { FeedbackValue } from '../model.ts';

/**
 * What a use case announces once its write is stored: each kind of change
 * a public page, a ready list or a server result can depend on. A write
 * that changed nothing (a redelivered click, a favourite already there, a
 * member seen before) announces nothing.
 */
export type TasteChange =
  | { type: 'feedback-recorded'; userId: number; movieId: number; value: FeedbackValue }
  | { type: 'favorite-added'; userId: number; movieId: number }
  | { type: 'favorite-removed'; userId: number; movieId: number }
  /** A film marked seen (`seen` true) or the mark taken back: it leaves (or may come back to) the person's and their servers' lists. */
  | { type: 'seen-changed'; userId: number; movieId: number; seen: boolean }
  /** A film put on (`listed` true) or taken off the watchlist: only the person's own list leaves it out. */
  | { type: 'watchlist-changed'; userId: number; movieId: number; listed: boolean }
  /** An export imported: one announcement for all it stored (`stored` rows), so one recompute follows, not one per row. */
  | { type: 'taste-imported'; userId: number; stored: number }
  | { type: 'member-joined'; communityId: number; userId: number }
  | { type: 'person-forgotten'; userId: number }
  | { type: 'share-link-replaced'; userId: number }
  | { type: 'trends-page-switched'; communityId: number; enabled: boolean }
  /** A movie night was closed (its winner chosen) or finished: the server's history changed. */
  | { type: 'movie-night-ended'; communityId: number; nightId: number }
  /** Two identities linked: `absorbed` was merged into `userId` (its taste, servers and share link are theirs now) and is gone. */
  | { type: 'people-merged'; userId: number; absorbed: number }
  /** An identity unlinked: it left `userId` for `newUserId`, which holds a copy of the taste. */
  | { type: 'person-split'; userId: number; newUserId: number }
  /** A card showed a film whose stored TMDB data is missing or stale (or lacks the card's region): it is fetched in the background. */
  | { type: 'movie-details-due'; movieId: number; tmdbId: number; region: string };

/** The changes to what a person likes or has seen: the ones their recommendations and their servers' results are made of. */
export type TasteWrite = Extract<TasteChange, { type: 'feedback-recorded' | 'favorite-added' | 'favorite-removed' | 'seen-changed' | 'taste-imported' }>;

const TASTE_WRITES: ReadonlySet<TasteChange['type']> = new Set<TasteWrite['type']>([
  'feedback-recorded',
  'favorite-added',
  'favorite-removed',
  'seen-changed',
  'taste-imported',
]);

export function isTasteWrite(change: TasteChange): change is TasteWrite {
  return TASTE_WRITES.has(change.type);
}

/**
 * The people whose taste a change altered — their ready lists and their
 * servers' results are made from it: the person of a 👍/👎, favourite,
 * seen mark or import, the one left after a merge, both after a split.
 */
export function tasteChangedFor(change: TasteChange): number[] {
  if (isTasteWrite(change)) return [change.userId];
  if (change.type === 'people-merged') return [change.userId];
  if (change.type === 'person-split') return [change.userId, change.newUserId];
  return [];
}

/**
 * The people whose own ready list a change altered: those of
 * {@link tasteChangedFor}, and a person whose watchlist changed (it is
 * left out of their own list only, not their servers').
 */
export function personalListChangedFor(change: TasteChange): number[] {
  return change.type === 'watchlist-changed' ? [change.userId] : tasteChangedFor(change);
}

/**
 * In-process announcements of stored writes. The use cases announce; what
 * follows is one subscriber file each in core/domain/subscribers, registered
 * in its index. Listeners run synchronously in the announcing call, so the
 * first step of each (a cache drop) is issued before the use case returns;
 * they must be quick and must not throw (each catches its own failures).
 */
export class TasteChanges {
  private readonly listeners = new Set<(change: TasteChange) => void>();

  /** Returns the unsubscribe function. */
  subscribe(listener: (change: TasteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(change: TasteChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
