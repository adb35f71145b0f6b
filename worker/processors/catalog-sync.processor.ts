import { BadJobError, syncCatalog, type JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';
import { asJobError } from './source-errors.ts';

const REASONS: readonly string[] = ['scheduled', 'manual'] satisfies JobPayloads['catalog-sync']['reason'][];

/**
 * catalog-sync: adds the recent and trending TMDB films the catalog lacks
 * (syncCatalog), logs the malformed records it skipped, tells this process's
 * catalog at once (the other processes reload within a minute), and queues
 * the new films' enrichment so their cards are complete. Idempotent: a film
 * already added is never added again. TMDB down: retried with backoff, and
 * the pages already read keep their films.
 */
export function catalogSync({ tmdb, log }: ProcessorContext) {
  return async (data: JobPayloads['catalog-sync']): Promise<void> => {
    if (!REASONS.includes(data?.reason)) throw new BadJobError(`catalog-sync needs a reason (${REASONS.join(' or ')}), got ${JSON.stringify(data)}`);
    if (!tmdb) {
      log?.warn({ job: 'catalog-sync' }, 'catalog-sync: TMDB is not configured in this process (set TMDB_API_KEY or TMDB_ACCESS_TOKEN)');
      return;
    }
    let result;
    try {
      result = await syncCatalog(tmdb);
    } catch (err) {
      throw asJobError(err);
    }
    for (const s of result.skipped) log?.warn({ tmdbId: s.tmdbId, reason: s.reason }, 'catalog-sync: malformed TMDB record skipped');
    log?.info({ added: result.added.length, known: result.known, unreleased: result.unreleased, skipped: result.skipped.length }, 'catalog-sync');
    if (result.added.length === 0) return;
    tmdb.catalogChanged?.();
    const queue = tmdb.queue();
    for (const movie of result.added) {
      // Best effort: a film not queued now is fetched by the scheduled refresh (never fetched films come early).
      await queue
        .enqueue('enrich', { movieId: movie.id })
        .catch((err: unknown) => log?.warn({ err, movieId: movie.id }, 'catalog-sync: could not queue enrich'));
    }
  };
}
