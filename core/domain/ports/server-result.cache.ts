import type { Recommendation, Recommender } from '../recommender/types.ts';
import type { GenreShare, TasteTrends } from '../trends/taste-trends.ts';

/**
 * A community's group pick as the model made it. Platform-independent: it
 * names the members whose taste it is made of by user id, and the reader
 * looks up their identities on the platform asked.
 */
export interface ReadyGroupPick {
  picks: Recommendation[];
  /** Members with a favourite or a 👍/👎, in join order. */
  memberIds: number[];
  /** All members when it was made: a reader seeing another count knows someone joined or left since. */
  memberCount: number;
}

/** One movie's tally, by MovieLens id (the reader's catalog names it). */
export interface ReadyTally {
  movieId: number;
  likes: number;
  dislikes: number;
}

/** {@link TasteTrends} with movies by id, so an entry is small and outlives no catalog. */
export interface ReadyTrends {
  contributors: number;
  enough: boolean;
  topGenres: GenreShare[];
  genresByMonth: TasteTrends['genresByMonth'];
  mostLiked: ReadyTally[];
  mostDivisive: ReadyTally[];
  hiddenGems: ReadyTally[];
}

/** What one recompute stores: the trends always, the pick when a model is served. */
export interface ServerResult {
  trends: ReadyTrends;
  pick: { model: Recommender; value: ReadyGroupPick } | null;
}

/**
 * Ready results per community (its group pick and taste trends), so a
 * server's answer need not fold in every member (seconds for a large
 * server). Postgres stays the source of truth: an entry only saves work, a
 * pick made by another model is a miss, and a lost entry is recomputed on
 * the spot.
 */
export interface ServerResultCache {
  getPick(communityId: number, model: Recommender): Promise<ReadyGroupPick | null>;
  /** Trends do not depend on the model: any served model reads the same. */
  getTrends(communityId: number): Promise<ReadyTrends | null>;
  /** Taken before reading the members' taste; {@link set} then refuses a result an invalidation overtook. */
  token(communityId: number): Promise<number>;
  set(communityId: number, result: ServerResult, token: number): Promise<void>;
  /**
   * The members' taste changed and a recompute is on its way: results made
   * from the old taste are refused from now on, the trends (cheap to remake)
   * are dropped, and the pick keeps answering until its replacement is
   * stored, so a busy server's answer never waits for a group fold-in.
   */
  markStale(communityId: number): Promise<void>;
  /** Drops both (e.g. a member was forgotten: nothing made from their taste may be shown again). */
  invalidate(communityId: number): Promise<void>;
}
