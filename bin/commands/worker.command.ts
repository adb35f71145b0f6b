import type { Command } from 'commander';
import { say } from '../runtime/output.ts';
import { startRole } from '../runtime/role.ts';
import { openRoleProduct } from '../runtime/role-product.ts';
import { startWorkers } from '../runtime/workers.ts';
import { startMetricsServer } from '../runtime/metrics-server.ts';
import { scheduleNightlyRetrain } from '../runtime/retrain-schedule.ts';
import { scheduleTmdbJobs } from '../runtime/tmdb-schedule.ts';
import { JOB_NAMES } from '../../core/index.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background job processors (recompute, retrain, import, enrich, catalog-sync) against REDIS_URL')
    .action(async () => {
      const role = await startRole('worker', { migrate: false });
      const { config, logger, shutdown, database } = role;
      if (!config.redisUrl) {
        say('moviebot worker takes jobs from Redis: set REDIS_URL (without it, `moviebot start` runs the jobs in-process)');
        process.exitCode = 2;
        await shutdown.run();
        return;
      }
      const { product } = await openRoleProduct(role);
      await product.modelReady;
      const workers = startWorkers(config, logger, product);
      shutdown.add('retrain schedule', scheduleNightlyRetrain(config, logger, product).close);
      shutdown.add('TMDB schedules', scheduleTmdbJobs(config, logger, product).close);
      shutdown.add('workers', workers.close);
      const metrics = await startMetricsServer(config, logger, product.metrics);
      if (metrics) shutdown.add('metrics', metrics.close);
      say(`worker ready (${database.description}; movies: ${product.movies}): ${JOB_NAMES.join(', ')}`);
    });
}
