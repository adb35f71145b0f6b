import type { CommunityStore } from '../ports/community.store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { ServerResultCache } from '../ports/server-result.cache.ts';

/** Where a subscriber reports what it could not do (pino's `logger.warn` fits). */
export interface WarnLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** What the background subscribers need: the job queue, the memberships, the server results to mark stale. */
export interface BackgroundPorts {
  jobs: JobQueue;
  communities: CommunityStore;
  /** Without one (a process keeping no server results) the job still remakes the shared ones. */
  serverResults?: ServerResultCache;
  log: WarnLog;
}

/** A burst of 👍/👎 clicks by one person within this window is one recompute-user. */
export const RECOMPUTE_DEBOUNCE_MS = 200;
/** Clicks and joins across a server within this window are one recompute-server. */
export const SERVER_RECOMPUTE_DEBOUNCE_MS = 1_000;

/**
 * Queues a remake of the person's ready list, debounced per person. A
 * failure to queue only costs an on-the-spot answer: the list was dropped
 * before this was asked, so the next answer folds in.
 */
export function queueRecomputeUser(jobs: JobQueue, log: WarnLog, userId: number): void {
  jobs
    .enqueue('recompute-user', { userId }, { debounceKey: String(userId), debounceMs: RECOMPUTE_DEBOUNCE_MS })
    .catch((err: unknown) => log.warn({ err, userId }, 'could not queue a recompute'));
}

/** Queues a remake of one community's pick and trends, debounced per community; a failure to queue only costs an on-the-spot answer. */
export function queueRecomputeServer(jobs: JobQueue, log: WarnLog, communityId: number): void {
  jobs
    .enqueue('recompute-server', { communityId }, { debounceKey: String(communityId), debounceMs: SERVER_RECOMPUTE_DEBOUNCE_MS })
    .catch((err: unknown) => log.warn({ err, communityId }, 'could not queue a server recompute'));
}

/**
 * Marks a community's ready results stale, then queues their remake. The
 * drop is issued first, synchronously (Redis keeps a connection's order), so
 * a question asked right after the announcing use case returns sees it.
 */
export async function markStaleAndRecompute({ jobs, serverResults, log }: BackgroundPorts, communityId: number): Promise<void> {
  await serverResults?.markStale(communityId);
  queueRecomputeServer(jobs, log, communityId);
}
