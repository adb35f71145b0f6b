import { type Config, type Logger } from '../../core/index.ts';
import { BullmqQueue, CronTimer, InProcessQueue, scheduleRetrain } from '../../core/wiring.ts';
import type { Product } from './product.ts';

/**
 * How often the schedule on Redis is checked besides at each (re)connect:
 * Redis can lose it without dropping the connection (a flush, a failover to
 * an empty replica). A check is two reads when nothing changed.
 */
export const RETRAIN_RECHECK_MS = 60_000;

/**
 * Schedules the retrain (RETRAIN_CRON). With Redis it goes on BullMQ's job
 * scheduler: every worker process keeps the same scheduler, so one job runs
 * per tick however many there are. Without Redis (`moviebot start` on the
 * in-process runner) a timer in this process queues it at each tick.
 * close() stops either. Call it from one role only (start or worker): each
 * in-process caller would retrain on its own.
 */
export function scheduleNightlyRetrain(
  config: Config,
  logger: Logger,
  product: Product,
  { recheckMs = RETRAIN_RECHECK_MS }: { recheckMs?: number } = {},
): { close: () => void } {
  const { jobs } = product;
  if (jobs instanceof BullmqQueue) return keepScheduledOnRedis(jobs, config.retrainCron, logger, recheckMs);
  if (!(jobs instanceof InProcessQueue) || config.retrainCron === null) return { close: () => {} };
  const timer = new CronTimer(config.retrainCron, (at) => {
    logger.info({ scheduledFor: at.toISOString() }, 'scheduled retrain');
    // Not beside a first run's training (two first versions); once served, it finds nothing new, or learns.
    product.modelReady
      .then(() => jobs.enqueue('retrain', { reason: 'scheduled' }))
      .catch((err: unknown) => logger.warn({ err }, 'could not queue the scheduled retrain'));
  });
  logger.info({ cron: config.retrainCron, next: timer.next?.toISOString() }, 'retrain schedule (in-process)');
  return { close: () => timer.stop() };
}

/**
 * Keeps BullMQ's scheduler as `cron` says (removed when null) for as long as
 * the process runs: at start, each time the connection becomes ready (a
 * Redis restarted without persistence comes back without it) and every
 * `recheckMs`. Checks run one at a time and write only what is missing or
 * different; while Redis is down none is tried (the reconnect's check
 * follows), and one that fails is a warning.
 */
function keepScheduledOnRedis(jobs: BullmqQueue, cron: string | null, logger: Logger, recheckMs: number): { close: () => void } {
  let closed = false;
  let reported = false;
  let checks = Promise.resolve();
  const check = (trigger: 'start' | 'ready' | 'periodic') => {
    checks = checks.then(async () => {
      if (closed || !jobs.connected) return;
      try {
        const outcome = await scheduleRetrain(jobs, cron);
        // The first answer is always told; afterwards only what had to be written.
        const quiet = reported && (outcome === 'kept' || outcome === 'off');
        logger[quiet ? 'debug' : 'info']({ cron: cron ?? 'off', outcome, trigger }, 'retrain schedule');
        reported = true;
      } catch (err) {
        if (!closed) logger.warn({ err, trigger }, 'could not check the retrain schedule; the next check tries again');
      }
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
