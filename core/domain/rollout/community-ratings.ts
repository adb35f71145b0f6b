/**
 * The community's own taste as training data: each person who used the bot
 * becomes one more user of the rating matrix beside MovieLens's, with their
 * favourites and 👍 as high ratings and their 👎 as low ones.
 */
import type { RatingsTable, TrainingData } from '../recommender/types.ts';

/** One person's current signal about one movie, as stored (favourites, and the latest 👍/👎). */
export interface CommunitySignal {
  userId: number;
  movieId: number;
  kind: 'favorite' | 'up' | 'down';
}

/**
 * Community user ids are moved past every MovieLens user id (ml-32m has
 * ~200k) so the two populations never merge into one person.
 */
export const COMMUNITY_USER_OFFSET = 1_000_000_000;

/** A favourite is a 5 (the strongest positive), a 👍 a 4.5, a 👎 a 1 (a dislike). */
export const SIGNAL_RATING = { favorite: 5, up: 4.5, down: 1 } as const;

/** `data` plus one rating per (person, movie) of `signals`; a favourite outweighs a 👍/👎 of the same movie. */
export function withCommunitySignals(data: TrainingData, signals: readonly CommunitySignal[]): TrainingData {
  const byPair = new Map<string, CommunitySignal>();
  for (const s of signals) {
    const key = `${s.userId}:${s.movieId}`;
    const before = byPair.get(key);
    if (!before || s.kind === 'favorite') byPair.set(key, s);
  }
  const base = data.ratings;
  const length = base.length + byPair.size;
  const ratings: RatingsTable = {
    length,
    userIds: new Int32Array(length),
    movieIds: new Int32Array(length),
    ratings: new Float32Array(length),
  };
  ratings.userIds.set(base.userIds.subarray(0, base.length));
  ratings.movieIds.set(base.movieIds.subarray(0, base.length));
  ratings.ratings.set(base.ratings.subarray(0, base.length));
  let row = base.length;
  for (const s of byPair.values()) {
    ratings.userIds[row] = COMMUNITY_USER_OFFSET + s.userId;
    ratings.movieIds[row] = s.movieId;
    ratings.ratings[row] = SIGNAL_RATING[s.kind];
    row++;
  }
  return { ...data, ratings };
}
