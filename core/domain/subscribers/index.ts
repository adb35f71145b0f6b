/**
 * What a write sets in motion — "what happens after a 👍?". A use case
 * stores the write, does what must hold before it returns (a 👍 drops the
 * person's ready list; forgetting someone drops their servers' results),
 * then announces it ({@link TasteChanges}). Everything that follows is one
 * file here, and this is the whole list:
 *
 * - recompute-person-when-taste-changes — a 👍/👎, a favourite added or
 *   removed, a seen mark, a watchlist change, an import, or linked accounts
 *   merged or split, queues recompute-user for the person (each person,
 *   after a split; debounced; an import is one).
 * - refresh-servers-when-member-taste-changes — the same changes but the
 *   watchlist's (which only the person's own list leaves out) mark each of
 *   the person's servers stale and queue its recompute-server.
 * - refresh-server-when-membership-changes — a new member marks the server
 *   stale and queues its recompute-server.
 * - drop-pages-when-lists-change — any of these, a forgotten person, a
 *   replaced share link, linked or unlinked accounts or a trends page
 *   switched on/off drop the rendered public pages that show it.
 * - enrich-films-when-cards-are-stale — a card showed a film whose TMDB
 *   data is missing, stale or lacks the card's region: the film is fetched
 *   in the background (enrich, debounced per film).
 *
 * A write that changed nothing (a redelivered click, a favourite already
 * there, a rejoin) is not announced and sets nothing in motion. The first
 * three need only the JobQueue port, so every process serving people
 * registers them when it opens its product; drop-pages needs the rendered
 * pages, so the web process registers it with them; the enrichment is
 * registered by every process serving people when TMDB is configured.
 */
import type { TasteChange, TasteChanges } from '../events/taste-changes.ts';
import type { PublicPages } from '../ports/public-pages.ts';
import { dropPagesWhenListsChange } from './drop-pages-when-lists-change.ts';
import { enrichFilmsWhenCardsAreStale } from './enrich-films-when-cards-are-stale.ts';
import { recomputePersonWhenTasteChanges } from './recompute-person-when-taste-changes.ts';
import { refreshServerWhenMembershipChanges } from './refresh-server-when-membership-changes.ts';
import type { BackgroundPorts } from './recompute-jobs.ts';
import { refreshServersWhenMemberTasteChanges } from './refresh-servers-when-member-taste-changes.ts';

export { ENRICH_DEBOUNCE_MS } from './enrich-films-when-cards-are-stale.ts';
export {
  queueRecomputeServer,
  queueRecomputeUser,
  RECOMPUTE_DEBOUNCE_MS,
  SERVER_RECOMPUTE_DEBOUNCE_MS,
  type BackgroundPorts,
  type WarnLog,
} from './recompute-jobs.ts';

/** The background work a change queues; returns the unsubscribe function. */
export function subscribeBackgroundWork(changes: TasteChanges, ports: BackgroundPorts): () => void {
  return subscribeAll(changes, [
    recomputePersonWhenTasteChanges(ports),
    refreshServersWhenMemberTasteChanges(ports),
    refreshServerWhenMembershipChanges(ports),
  ]);
}

/** With TMDB configured: the films cards showed with stale data are fetched in the background; returns the unsubscribe function. */
export function subscribeEnrichment(changes: TasteChanges, ports: Pick<BackgroundPorts, 'jobs' | 'log'>): () => void {
  return subscribeAll(changes, [enrichFilmsWhenCardsAreStale(ports)]);
}

/** The pages a change makes stale, in the process that serves them; returns the unsubscribe function. */
export function subscribePublicPages(changes: TasteChanges, pages: PublicPages): () => void {
  return subscribeAll(changes, [dropPagesWhenListsChange(pages)]);
}

function subscribeAll(changes: TasteChanges, subscribers: ((change: TasteChange) => void)[]): () => void {
  const unsubscribe = subscribers.map((subscriber) => changes.subscribe(subscriber));
  return () => unsubscribe.forEach((off) => off());
}
