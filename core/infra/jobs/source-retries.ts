import type { JobName } from '../../domain/ports/job-queue.ts';

/**
 * Jobs that call TMDB outlast an outage of the source, not only of Postgres:
 * enrich is retried after 30 s, 1, 2, 4 and 8 min, the daily catalog-sync for
 * about two hours. A job that fails for good is not lost work: the stores say
 * which films are due, and the next scheduled run asks again.
 */
export const SOURCE_RETRIES: Partial<Record<JobName, { attempts: number; backoffMs: number }>> = {
  enrich: { attempts: 6, backoffMs: 30_000 },
  'catalog-sync': { attempts: 8, backoffMs: 60_000 },
};
