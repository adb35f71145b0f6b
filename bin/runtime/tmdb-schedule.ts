import type { Config, JobName, JobPayloads, Logger } from '../../core/index.ts';
import { BullmqQueue, CronTimer, InProcessQueue, keepJobScheduled } from '../../core/wiring.ts';
import type { Product } from './product.ts';

/** How often the schedules on Redis are checked besides at each (re)connect (as the retrain's). */
export const TMDB_RECHECK_MS = 60_000;

interface Schedule<N extends JobName> {
  id: string;
  name: N;
  /** Cron, server time. */
  pattern: string;
  data: JobPayloads[N];
}

/**
 * The TMDB jobs' schedules: every 10 minutes the films due for a refresh are
 * fetched (a bounded batch each time, so the in-process runner is never held
 * long), and once a day, after the nightly retrain, the catalog sync adds
 * the new releases. Without TMDB only {@link PURGE_ONLY} runs.
 */
export const TMDB_SCHEDULES: readonly [Schedule<'enrich'>, Schedule<'catalog-sync'>] = [
  { id: 'enrich-refresh', name: 'enrich', pattern: '*/10 * * * *', data: { due: 'scheduled' } },
  { id: 'daily-catalog-sync', name: 'catalog-sync', pattern: '45 4 * * *', data: { reason: 'scheduled' } },
];

/** Without TMDB: once a day the scheduled enrich only deletes what an earlier configuration fetched, at the cache limit. */
export const PURGE_ONLY: Schedule<'enrich'> = { id: 'enrich-refresh', name: 'enrich', pattern: '30 5 * * *', data: { due: 'scheduled' } };

/**
 * Schedules the TMDB jobs when TMDB is configured; without it, the daily
 * purge only (the catalog sync's schedule is removed). With Redis they go on BullMQ's
 * job schedulers, one job per tick however many workers there are; without,
 * a timer in this process queues them. Call it from the roles that schedule
 * the retrain (start, worker). close() stops it.
 */
export function scheduleTmdbJobs(
  config: Config,
  logger: Logger,
  product: Product,
  { recheckMs = TMDB_RECHECK_MS, schedules = TMDB_SCHEDULES }: { recheckMs?: number; schedules?: typeof TMDB_SCHEDULES } = {},
): { close: () => void } {
  const { jobs } = product;
  const on = config.tmdb !== undefined;
  if (jobs instanceof BullmqQueue) return keepOnRedis(jobs, on, logger, recheckMs, schedules);
  if (!(jobs instanceof InProcessQueue)) return { close: () => {} };
  const timers = (on ? schedules : [PURGE_ONLY]).map(
    (s) =>
      new CronTimer(s.pattern, () => {
        (jobs.enqueue as (name: JobName, data: unknown) => Promise<void>)(s.name, s.data).catch((err: unknown) =>
          logger.warn({ err, job: s.name }, 'could not queue a scheduled TMDB job'),
        );
      }),
  );
  if (on) logger.info({ schedules: schedules.map((s) => `${s.name} ${s.pattern}`) }, 'TMDB schedules (in-process)');
  return { close: () => timers.forEach((t) => t.stop()) };
}

function keepOnRedis(jobs: BullmqQueue, on: boolean, logger: Logger, recheckMs: number, schedules: typeof TMDB_SCHEDULES): { close: () => void } {
  let closed = false;
  let reported = false;
  let checks = Promise.resolve();
  const check = (trigger: 'start' | 'ready' | 'periodic') => {
    checks = checks.then(async () => {
      if (closed || !jobs.connected) return;
      for (const s of schedules) {
        // Off, the enrich scheduler stays as the daily purge; the catalog sync's goes.
        const pattern = on ? s.pattern : s.id === PURGE_ONLY.id ? PURGE_ONLY.pattern : null;
        try {
          const outcome = await keepJobScheduled(jobs, s.name, s.id, pattern, s.data as never);
          const quiet = reported && (outcome === 'kept' || outcome === 'off');
          logger[quiet ? 'debug' : 'info']({ job: s.name, cron: pattern ?? 'off', outcome, trigger }, 'TMDB schedule');
        } catch (err) {
          if (!closed) logger.warn({ err, job: s.name, trigger }, 'could not check a TMDB schedule; the next check tries again');
        }
      }
      reported = true;
    });
  };
  const unsubscribe = jobs.onReady(() => check('ready'));
  const timer = setInterval(() => check('periodic'), recheckMs).unref();
  check('start');
  return {
    close: () => {
      closed = true;
      clearInterval(timer);
      unsubscribe();
    },
  };
}
