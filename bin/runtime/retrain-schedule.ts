import { BullmqQueue, CronTimer, InProcessQueue, scheduleRetrain, type Config, type Logger } from '../../core/index.ts';
import type { Product } from './product.ts';

/**
 * Schedules the retrain (RETRAIN_CRON). With Redis it goes on BullMQ's job
 * scheduler: every worker process upserts the same scheduler, so one job
 * runs per tick however many there are. Without Redis (`moviebot start` on
 * the in-process runner) a timer in this process queues it at each tick;
 * close() clears that timer. Call it from one role only (start or worker):
 * each in-process caller would retrain on its own.
 */
export function scheduleNightlyRetrain(config: Config, logger: Logger, product: Product): { close: () => void } {
  const { jobs } = product;
  if (jobs instanceof BullmqQueue) {
    scheduleRetrain(jobs, config.retrainCron).then(
      () => logger.info({ cron: config.retrainCron ?? 'off' }, 'retrain schedule'),
      // Redis down at start: the jobs already scheduled stay; the next worker start upserts it again.
      (err: unknown) => logger.warn({ err }, 'could not schedule the retrain'),
    );
    return { close: () => {} };
  }
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
