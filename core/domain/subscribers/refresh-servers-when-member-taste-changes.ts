import { tasteChangedFor, type TasteChange } from '../events/taste-changes.ts';
import { markStaleAndRecompute, type BackgroundPorts } from './recompute-jobs.ts';

/**
 * A member's 👍/👎, favourite, seen mark or import, or their accounts
 * merged or split: every server they are in has its ready results marked
 * stale and remade in the background (recompute-server). After a merge that
 * includes the servers the absorbed account was in (its memberships are the
 * survivor's now).
 *
 * Why this is correct:
 * - markStale drops the trends (cheap: made on the spot meanwhile) and
 *   refuses every result made from the old taste (the server cache's token
 *   compare-and-set, as for ready lists), while the old pick keeps
 *   answering until its replacement is stored: a large server's group
 *   fold-in takes seconds, and nobody waits for it.
 * - Clicks across a server are one job per community (debounced,
 *   SERVER_RECOMPUTE_DEBOUNCE_MS); a job run twice stores the same.
 * - The servers are read from the store, not a cache: who must be remade
 *   cannot be stale. A redelivered click announces nothing, so nothing is
 *   queued.
 */
export function refreshServersWhenMemberTasteChanges(ports: BackgroundPorts) {
  return (change: TasteChange): void => {
    const people = tasteChangedFor(change);
    if (people.length === 0) return;
    Promise.all(people.map((userId) => ports.communities.communitiesOf(userId)))
      .then((lists) => Promise.all([...new Set(lists.flat())].map((id) => markStaleAndRecompute(ports, id))))
      .catch((err: unknown) => ports.log.warn({ err, change }, 'could not mark server results stale'));
  };
}
