import { BadJobError, enrichMovie, enrichmentDue, normalizeRegion, purgeExpiredDetails, type EnrichOutcome, type JobPayloads } from '../../core/index.ts';
import type { ProcessorContext, TmdbJobDeps } from './context.ts';
import { asJobError } from './source-errors.ts';

const DUE_REASONS: readonly string[] = ['scheduled', 'manual'] satisfies Extract<JobPayloads['enrich'], { due: unknown }>['due'][];
/** Fanned-out jobs for one film within this window are one. */
const FAN_OUT_DEBOUNCE_MS = 1_000;

/**
 * enrich: fetches one film from TMDB and stores it with the time (details,
 * trailer, the providers of its regions); or, with `due`, purges what is past
 * TMDB's cache limit and fetches the films due for a refresh: the first here,
 * the rest as one job each, which BullMQ's limiter spreads below TMDB's rate
 * (without TMDB configured, `due` only purges).
 * Idempotent: a film fetched twice is stored twice the same way. A malformed
 * record is skipped and logged; a film TMDB does not know is marked so. TMDB
 * down: retried with backoff; rate-limited: retried after its Retry-After.
 */
export function enrich({ tmdb, log, movieDetails }: ProcessorContext) {
  let warned = false;
  return async (data: JobPayloads['enrich']): Promise<void> => {
    const job = parse(data);
    if (!tmdb && 'due' in job && movieDetails) {
      // TMDB is off now: what an earlier configuration fetched is still deleted at the cache limit.
      const purged = await purgeExpiredDetails({ movieDetails });
      if (purged.details + purged.providers > 0) log?.info({ ...purged }, 'enrich: deleted TMDB data past the six-month cache limit');
      return;
    }
    if (!tmdb) {
      // Queued by a process that has TMDB configured while this one does not: the film stays due, nothing is lost.
      if (!warned) log?.warn({ job: 'enrich' }, 'enrich: TMDB is not configured in this process (set TMDB_API_KEY or TMDB_ACCESS_TOKEN); jobs are dropped');
      warned = true;
      return;
    }
    if ('due' in job) return enrichDue(tmdb, log);
    await enrichOne(tmdb, job.movieId, job.regions, log);
  };
}

async function enrichOne(tmdb: TmdbJobDeps, movieId: number, regions: string[], log: ProcessorContext['log']): Promise<EnrichOutcome> {
  let outcome: EnrichOutcome;
  try {
    outcome = await enrichMovie(tmdb, movieId, regions);
  } catch (err) {
    throw asJobError(err);
  }
  if (outcome.status === 'malformed') log?.warn({ movieId, tmdbId: outcome.tmdbId, reason: outcome.reason }, 'enrich: malformed TMDB record skipped');
  if (outcome.status === 'stored' && outcome.catalogChanged) tmdb.catalogChanged?.();
  return outcome;
}

async function enrichDue(tmdb: TmdbJobDeps, log: ProcessorContext['log']): Promise<void> {
  const { due, purged } = await enrichmentDue(tmdb);
  if (purged.details + purged.providers > 0) log?.info({ ...purged }, 'enrich: deleted TMDB data past the six-month cache limit');
  const [first, ...rest] = due;
  if (!first) return;
  // Fetched here first: TMDB down or refusing the key fails this one job (retried), instead of hundreds.
  await enrichOne(tmdb, first.movieId, [], log);
  const queue = tmdb.queue();
  for (const film of rest) {
    await queue.enqueue('enrich', { movieId: film.movieId }, { debounceKey: String(film.movieId), debounceMs: FAN_OUT_DEBOUNCE_MS });
  }
  log?.info({ due: due.length }, 'enrich: refreshing the films due');
}

function parse(data: JobPayloads['enrich']): { movieId: number; regions: string[] } | { due: string } {
  const d = data as { movieId?: unknown; regions?: unknown; due?: unknown } | null | undefined;
  if (d && 'due' in d) {
    if (typeof d.due === 'string' && DUE_REASONS.includes(d.due)) return { due: d.due };
  } else if (d && Number.isSafeInteger(d.movieId) && (d.movieId as number) > 0) {
    const regions = d.regions ?? [];
    if (Array.isArray(regions) && regions.length <= 10 && regions.every((r) => typeof r === 'string' && normalizeRegion(r))) {
      return { movieId: d.movieId as number, regions: regions.map((r: string) => normalizeRegion(r)!) };
    }
  }
  throw new BadJobError(`enrich needs a movie id (and ISO 3166-1 regions) or a due reason (${DUE_REASONS.join(' or ')}), got ${JSON.stringify(data)}`);
}
