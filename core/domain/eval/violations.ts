/**
 * What a recommendation list must never do (RECSYS.md): name a movie the user
 * already likes, dislikes or has seen, name a movie twice, or come back
 * shorter than asked. Each is a model bug; the evaluation counts them.
 */
import type { TasteProfile } from '../recommender/types.ts';

/** Counts over the lists a protocol asked for. */
export interface ListViolations {
  /** Lists checked. */
  lists: number;
  /** Lists with at least one problem below. */
  bad: number;
  /** Lists naming a movie from the profile (or from any member's, for a group). */
  profileMovie: number;
  /** Lists naming a movie twice. */
  duplicate: number;
  /** Lists shorter than asked. */
  short: number;
  /** The first bad list, described, to start debugging from. */
  example?: string;
}

export function noViolations(): ListViolations {
  return { lists: 0, bad: 0, profileMovie: 0, duplicate: 0, short: 0 };
}

/** Every movie a list for these profiles must leave out. */
export function excludedMovies(profiles: readonly TasteProfile[]): Set<number> {
  const out = new Set<number>();
  for (const p of profiles) {
    for (const id of p.likes) out.add(id);
    for (const id of p.dislikes ?? []) out.add(id);
    for (const id of p.seen ?? []) out.add(id);
  }
  return out;
}

/**
 * Checks one list of `k` asked for and adds it to `counts`.
 * @param who - names the list in `counts.example`, e.g. "sg, user 12".
 */
export function checkList(counts: ListViolations, list: readonly number[], excluded: ReadonlySet<number>, k: number, who: string): void {
  counts.lists++;
  const distinct = new Set(list);
  const inProfile = list.find((id) => excluded.has(id));
  const duplicate = distinct.size < list.length;
  const short = list.length < k;
  if (inProfile !== undefined) counts.profileMovie++;
  if (duplicate) counts.duplicate++;
  if (short) counts.short++;
  if (inProfile === undefined && !duplicate && !short) return;
  counts.bad++;
  if (counts.example === undefined) {
    const what = [
      inProfile !== undefined ? `movie ${inProfile} is already in the profile` : '',
      duplicate ? 'a movie appears twice' : '',
      short ? `${list.length} of ${k} asked` : '',
    ].filter(Boolean);
    counts.example = `${who}: ${what.join('; ')}`;
  }
}
