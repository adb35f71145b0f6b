import type { Recommendation, Recommender } from '../recommender/types.ts';

/** One ready list to store, with the token taken before its person's taste was read. */
export interface ReadyListWrite {
  userId: number;
  picks: Recommendation[];
  token: number;
}

/**
 * Ready lists per person, so an answer need not fold anything in. The
 * source of truth stays the stores: an entry only saves work, it is dropped
 * when the person's taste changes, and one made by another model is a miss.
 */
export interface RecommendationCache {
  get(userId: number, model: Recommender): Promise<Recommendation[] | null>;
  /** Taken before reading the person's taste; {@link set} then refuses a list an invalidation overtook. */
  token(userId: number): Promise<number>;
  set(userId: number, model: Recommender, picks: Recommendation[], token: number): Promise<void>;
  /** {@link token} for several people in one round trip, in the order asked. */
  tokens(userIds: readonly number[]): Promise<number[]>;
  /** {@link set} for several lists in one round trip; each is refused on its own if its token is stale. */
  setMany(model: Recommender, lists: readonly ReadyListWrite[]): Promise<void>;
  invalidate(userId: number): Promise<void>;
}
