import { fairnessWeights, FAIRNESS_WINDOW } from '../../movie-night/fairness.ts';
import { goingUserIds, MAX_CANDIDATES, SHORTLIST_MIN_PEOPLE, type Candidate, type NightState } from '../../movie-night/movie-night.ts';
import { groupScoresOf, nightShortlist, type Attendee } from '../../movie-night/shortlist.ts';
import { tastesOf } from '../taste.ts';
import type { NightDeps } from './night-deps.ts';

/** A nomination made on this night (carried-over nominees are remade with the model's picks). */
export const isNomination = (c: Candidate): boolean => c.nominatedBy !== null && !c.carriedOver;

/** These members as the shortlist weighs them: their taste, and more weight for whoever lost the recent nights. */
export async function attendeesOf(deps: NightDeps, communityId: number, userIds: readonly number[]): Promise<{ attendees: Attendee[]; favoured: number[] }> {
  const [profiles, recent] = await Promise.all([tastesOf(deps, userIds), deps.nights.recentLosses(communityId, userIds, FAIRNESS_WINDOW)]);
  const { weights, favoured } = fairnessWeights(userIds, recent);
  return { attendees: userIds.map((userId, i) => ({ userId, profile: profiles[i]!, weight: weights.get(userId) ?? 1 })), favoured };
}

/**
 * What the night may not offer these people: anything one of them has seen,
 * liked, favourited or rated 👎 (as good as seen), and every film the server
 * watched at an earlier night. Their watchlists stay in: a film someone
 * means to watch is a fine night.
 */
export async function excludedFor(deps: NightDeps, communityId: number, attendees: readonly Attendee[]): Promise<Set<number>> {
  const exclude = new Set(await deps.nights.watched(communityId));
  for (const { profile } of attendees) for (const id of [...profile.likes, ...(profile.dislikes ?? []), ...(profile.seen ?? [])]) exclude.add(id);
  return exclude;
}

/**
 * Makes the list again for the people in now: the last night's losing
 * nominees that none of them has seen come back first, then the model fills
 * up to the night's candidate count; nominations stay. Fewer than two people
 * in: no picks (the message shows the list from two). Without a model the
 * list is left as it is, to be made once one is served.
 */
export async function remakeShortlist(deps: NightDeps, state: NightState): Promise<NightState> {
  const model = deps.model();
  if (!model) return state;
  const { night } = state;
  const going = goingUserIds(state);
  const nominations = state.candidates.filter(isNomination);
  let picks: Candidate[] = [];
  let favoured: number[] = [];
  if (going.length >= SHORTLIST_MIN_PEOPLE) {
    const group = await attendeesOf(deps, night.communityId, going);
    const exclude = await excludedFor(deps, night.communityId, group.attendees);
    for (const c of nominations) exclude.add(c.movieId);
    const carried = (await deps.nights.losingNominees(night.communityId))
      .filter((n) => !exclude.has(n.movieId) && deps.catalog.get(n.movieId) !== undefined)
      .slice(0, Math.max(0, MAX_CANDIDATES - nominations.length));
    for (const c of carried) exclude.add(c.movieId);
    const carriedScores = groupScoresOf(
      model,
      group.attendees,
      carried.map((c) => c.movieId),
    );
    const fill = Math.max(0, night.candidateCount - nominations.length - carried.length);
    const fresh = nightShortlist(model, group.attendees, fill, exclude).filter((p) => deps.catalog.get(p.movieId) !== undefined);
    picks = [
      ...carried.map((c, i) => ({ movieId: c.movieId, position: 0, nominatedBy: c.nominatedBy, carriedOver: true, groupScore: carriedScores[i] ?? 0 })),
      ...fresh.map((p) => ({ movieId: p.movieId, position: 0, nominatedBy: null, carriedOver: false, groupScore: p.groupScore })),
    ];
    favoured = group.favoured;
  }
  await deps.nights.setShortlist(night.id, picks, going, favoured);
  return (await deps.nights.state(night.id)) ?? state;
}
