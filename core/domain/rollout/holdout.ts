/**
 * The held-out slice a retrained model is judged on before it is served: a
 * seeded sample of users keeps a fifth of their positives out of training,
 * and a model is asked to find them from the rest (the sg protocol of
 * RECSYS.md on a few hundred users: seconds, not the minutes of a 5-fold
 * evaluation). The slice depends only on (seed, user, their ratings), so the
 * current model and a candidate trained later on more data held out the same
 * ratings and their scores compare.
 */
import { ndcgAt, recallAt } from '../eval/metrics.ts';
import { SG_MIN_POSITIVES, sgCase, type ProtocolCase } from '../eval/protocols.ts';
import { streamFor } from '../eval/random.ts';
import { EVAL_K } from '../eval/evaluate.ts';
import { DISLIKE_MAX, POSITIVE_MIN, type RatingsTable, type Recommender, type TrainingData } from '../recommender/types.ts';

export interface HoldoutOptions {
  seed: number;
  /** Share of eligible users (those with enough positives) whose ratings are held out. */
  share: number;
  /** At most this many users (the lowest draws), so a 25M-rating set is judged in seconds too. */
  maxUsers: number;
}

export const DEFAULT_HOLDOUT: HoldoutOptions = { seed: 42, share: 0.2, maxUsers: 1000 };

/**
 * Bumped whenever the slice would change for the same data: a model
 * trained under another scheme may have seen this scheme's held-out
 * ratings, so its score is not a fair bar.
 */
export const HOLDOUT_SCHEME = 1;

export interface HeldOut {
  /** Everything but the held-out ratings. */
  train: TrainingData;
  /** One question per held-out user: their other positives and dislikes, and the positives to find. */
  slice: ProtocolCase[];
}

export interface SliceScore {
  ndcg20: number;
  recall20: number;
  users: number;
  /** NDCG@20 per held-out user, in slice order: two models scored on one slice are compared user by user. */
  perUser: Float64Array;
}

/** Splits `data` into the ratings a model learns from and the held-out questions it is scored on. */
export function holdOut(data: TrainingData, opts: HoldoutOptions = DEFAULT_HOLDOUT): HeldOut {
  const users = ratedByUser(data.ratings);
  const drawn: { userId: number; draw: number }[] = [];
  for (const [userId, user] of users) {
    if (user.positives.length < SG_MIN_POSITIVES) continue;
    const draw = streamFor(opts.seed, 'holdout', userId)();
    if (draw < opts.share) drawn.push({ userId, draw });
  }
  drawn.sort((a, b) => a.draw - b.draw || a.userId - b.userId);
  const slice: ProtocolCase[] = [];
  const heldOut = new Map<number, ReadonlySet<number>>();
  for (const { userId } of drawn.slice(0, opts.maxUsers)) {
    const user = users.get(userId)!;
    const c = sgCase({ userId, positives: user.positives, dislikes: user.dislikes, rated: [] }, opts.seed);
    if (!c) continue;
    slice.push(c);
    heldOut.set(userId, c.targets);
  }
  slice.sort((a, b) => a.userId - b.userId);
  const ratings = filterRatings(data.ratings, (userId, movieId) => !heldOut.get(userId)?.has(movieId));
  return { train: { ...data, ratings }, slice };
}

/** How well `model` finds the held-out positives (NDCG@20 and recall@20, averaged over users). */
export function scoreSlice(model: Recommender, slice: readonly ProtocolCase[]): SliceScore {
  return summarise(slice.map((c) => scoreCase(model, c)));
}

/**
 * {@link scoreSlice}, yielding to the event loop every `turnMs` of work: in
 * a process that also answers people (`moviebot start`), scoring a
 * few hundred users' whole histories would otherwise hold every answer up
 * at once. Same figures.
 */
export async function scoreSliceInTurns(model: Recommender, slice: readonly ProtocolCase[], turnMs = 15): Promise<SliceScore> {
  const scores: { ndcg: number; recall: number }[] = [];
  let turn = performance.now();
  for (const c of slice) {
    scores.push(scoreCase(model, c));
    if (performance.now() - turn < turnMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    turn = performance.now();
  }
  return summarise(scores);
}

function scoreCase(model: Recommender, c: ProtocolCase): { ndcg: number; recall: number } {
  const list = model.recommend(c.profile, EVAL_K).map((r) => r.movieId);
  return { ndcg: ndcgAt(list, c.targets, EVAL_K), recall: recallAt(list, c.targets, EVAL_K) };
}

function summarise(scores: readonly { ndcg: number; recall: number }[]): SliceScore {
  let ndcg = 0;
  let recall = 0;
  const perUser = new Float64Array(scores.length);
  scores.forEach((s, i) => {
    perUser[i] = s.ndcg;
    ndcg += s.ndcg;
    recall += s.recall;
  });
  const n = Math.max(1, scores.length);
  return { ndcg20: ndcg / n, recall20: recall / n, users: scores.length, perUser };
}

function ratedByUser(ratings: RatingsTable): Map<number, { positives: number[]; dislikes: number[] }> {
  const users = new Map<number, { positives: number[]; dislikes: number[] }>();
  for (let i = 0; i < ratings.length; i++) {
    const userId = ratings.userIds[i]!;
    const rating = ratings.ratings[i]!;
    let user = users.get(userId);
    if (!user) users.set(userId, (user = { positives: [], dislikes: [] }));
    if (rating >= POSITIVE_MIN) user.positives.push(ratings.movieIds[i]!);
    if (rating <= DISLIKE_MAX) user.dislikes.push(ratings.movieIds[i]!);
  }
  // Ascending ids: the sample must not depend on the order rows were read in.
  for (const user of users.values()) {
    user.positives.sort((a, b) => a - b);
    user.dislikes.sort((a, b) => a - b);
  }
  return users;
}

function filterRatings(ratings: RatingsTable, keep: (userId: number, movieId: number) => boolean): RatingsTable {
  const kept = new Uint8Array(ratings.length);
  let length = 0;
  for (let i = 0; i < ratings.length; i++) {
    if (keep(ratings.userIds[i]!, ratings.movieIds[i]!)) {
      kept[i] = 1;
      length++;
    }
  }
  const out: RatingsTable = { length, userIds: new Int32Array(length), movieIds: new Int32Array(length), ratings: new Float32Array(length) };
  for (let i = 0, j = 0; i < ratings.length; i++) {
    if (!kept[i]) continue;
    out.userIds[j] = ratings.userIds[i]!;
    out.movieIds[j] = ratings.movieIds[i]!;
    out.ratings[j] = ratings.ratings[i]!;
    j++;
  }
  return out;
}
