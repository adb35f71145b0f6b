/**
 * How a held-out user becomes a question for the model (RECSYS.md): which
 * of their movies the model is told, and which it should find. Samples
 * depend only on (seed, protocol, user), never on the model or on other users.
 */
import type { TasteProfile } from '../recommender/types.ts';
import type { TestUser } from './folds.ts';
import { sample, streamFor } from './random.ts';

/** sg: users with at least this many positives. */
export const SG_MIN_POSITIVES = 5;
/** sg: the share of positives given as likes (rounded). */
export const SG_LIKED_SHARE = 0.8;
/** likes3: users with at least this many positives. */
export const LIKES3_MIN_POSITIVES = 8;
/** likes3: positives given as likes. */
export const LIKES3_LIKES = 3;

/** One user's question: the profile the model sees and the movies it should find. */
export interface ProtocolCase {
  userId: number;
  profile: TasteProfile;
  targets: ReadonlySet<number>;
}

/** How many of `positives` sg gives as likes: 80% rounded, at least 1, at most all but one. */
export function sgLikeCount(positives: number): number {
  return Math.min(positives - 1, Math.max(1, Math.round(positives * SG_LIKED_SHARE)));
}

/** sg: a random 80% of the positives as likes, with all the dislikes; the other positives are targets. */
export function sgCase(user: TestUser, seed: number): ProtocolCase | undefined {
  if (user.positives.length < SG_MIN_POSITIVES) return undefined;
  const likes = sample(user.positives, sgLikeCount(user.positives.length), streamFor(seed, 'sg', user.userId));
  return split(user, likes, user.dislikes);
}

/** likes3: three random positives as likes and nothing else; every other positive is a target. */
export function likes3Case(user: TestUser, seed: number): ProtocolCase | undefined {
  if (user.positives.length < LIKES3_MIN_POSITIVES) return undefined;
  const likes = sample(user.positives, LIKES3_LIKES, streamFor(seed, 'likes3', user.userId));
  return split(user, likes, []);
}

function split(user: TestUser, likes: number[], dislikes: readonly number[]): ProtocolCase {
  const liked = new Set(likes);
  return {
    userId: user.userId,
    profile: { likes: likes.sort((a, b) => a - b), dislikes: [...dislikes], seen: [] },
    targets: new Set(user.positives.filter((id) => !liked.has(id))),
  };
}
