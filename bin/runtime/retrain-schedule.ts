import { BullmqQueue, scheduleRetrain, type Config, type Logger } from '../../core/index.ts';
import type { Product } from './product.ts';

/**
 * Puts the nightly retrain (RETRAIN_CRON) on BullMQ's job scheduler when
 * workers run on Redis; every worker process upserts the same scheduler, so
 * one job runs per tick however many there are. Without Redis nothing is
 * scheduled: `moviebot train` retrains on demand.
 */
export async function scheduleNightlyRetrain(config: Config, logger: Logger, product: Product): Promise<void> {
  if (!(product.jobs instanceof BullmqQueue)) return;
  try {
    await scheduleRetrain(product.jobs, config.retrainCron);
    logger.info({ cron: config.retrainCron ?? 'off' }, 'retrain schedule');
  } catch (err) {
    // Redis down at start: the jobs already scheduled stay; the next worker start upserts it again.
    logger.warn({ err }, 'could not schedule the retrain');
  }
}
