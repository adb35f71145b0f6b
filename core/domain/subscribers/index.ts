/**
 * What a write sets in motion — "what happens after a 👍?". The use cases
 * store a write and announce it ({@link TasteChanges}); every consequence is
 * one file here, and this is the list of them:
 *
 * | subscriber                                 | on                                    | does                                                    |
 * | ------------------------------------------ | ------------------------------------- | ------------------------------------------------------- |
 * | recompute-person-when-taste-changes        | 👍/👎, favourite added or removed      | queues recompute-user for the person (debounced)        |
 * | refresh-servers-when-member-taste-changes  | 👍/👎, favourite added or removed      | marks each of their servers stale, queues recompute-server |
 * | refresh-server-when-membership-changes     | a new member joined                   | marks the server stale, queues recompute-server         |
 * | drop-pages-when-lists-change               | any of the above, forgotten, link replaced, page switched | drops the rendered public pages that show it |
 *
 * The first three queue jobs (the JobQueue port only), so every process
 * that serves people registers them when it opens its product; the last
 * needs the rendered pages, so the web process registers it with them.
 */
import type { TasteChange, TasteChanges } from '../events/taste-changes.ts';
import type { PublicPages } from '../ports/public-pages.ts';
import { dropPagesWhenListsChange } from './drop-pages-when-lists-change.ts';
import { recomputePersonWhenTasteChanges } from './recompute-person-when-taste-changes.ts';
import { refreshServerWhenMembershipChanges } from './refresh-server-when-membership-changes.ts';
import { refreshServersWhenMemberTasteChanges, type RefreshPorts } from './refresh-servers-when-member-taste-changes.ts';

export { queueRecomputeServer, queueRecomputeUser, RECOMPUTE_DEBOUNCE_MS, SERVER_RECOMPUTE_DEBOUNCE_MS, type WarnLog } from './recompute-jobs.ts';

/** What the background subscribers need: the job queue, the memberships, the server results to mark stale. */
export type BackgroundPorts = RefreshPorts;

/** The background work a change queues; returns the unsubscribe function. */
export function subscribeBackgroundWork(changes: TasteChanges, ports: BackgroundPorts): () => void {
  return subscribeAll(changes, [
    recomputePersonWhenTasteChanges(ports),
    refreshServersWhenMemberTasteChanges(ports),
    refreshServerWhenMembershipChanges(ports),
  ]);
}

/** The pages a change makes stale, in the process that serves them; returns the unsubscribe function. */
export function subscribePublicPages(changes: TasteChanges, pages: PublicPages): () => void {
  return subscribeAll(changes, [dropPagesWhenListsChange(pages)]);
}

function subscribeAll(changes: TasteChanges, subscribers: ((change: TasteChange) => void)[]): () => void {
  const unsubscribe = subscribers.map((subscriber) => changes.subscribe(subscriber));
  return () => unsubscribe.forEach((off) => off());
}
