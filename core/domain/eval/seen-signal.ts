/**
 * The seen-signal protocol: films a person watched but did not rate as a
 * like or a dislike are passed as `seen`, as an import of their watch
 * history would. It must not lower NDCG@20 against the same likes without
 * them (the model treats seen as at most a weak signal, and never
 * recommends a seen film).
 */
import type { TestUser } from './folds.ts';
import { likes3Case, type ProtocolCase } from './protocols.ts';
import { sample, streamFor } from './random.ts';

/** Neutral films (rated 2.5–3.5) passed as seen, at most. */
export const SEEN_SIGNAL_MAX = 10;

/**
 * The user's likes3 case with up to {@link SEEN_SIGNAL_MAX} of their neutral
 * films as seen (targets unchanged: a neutral film is not one); undefined
 * for a user likes3 does not take.
 */
export function seenSignalCase(user: TestUser, seed: number): ProtocolCase | undefined {
  const base = likes3Case(user, seed);
  if (!base) return undefined;
  const notNeutral = new Set([...user.positives, ...user.dislikes]);
  const neutral = user.rated.filter((id) => !notNeutral.has(id));
  const seen = sample(neutral, SEEN_SIGNAL_MAX, streamFor(seed, 'seen-signal', user.userId)).sort((a, b) => a - b);
  return { ...base, profile: { ...base.profile, seen } };
}
