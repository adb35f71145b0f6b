/**
 * A worker process for fault tests and benches: the production wiring
 * (product, BullMQ workers), with knobs `moviebot worker` does not have.
 * Run with `node --import tsx`, env as for `moviebot worker` plus:
 *  - SLOW_JOB_MS: recompute-user waits this long first, so a test can kill -9
 *    the process mid-job; each start is counted in Redis (`fault:started:<userId>`);
 *  - JOB_CONCURRENCY: jobs at once per queue (the production default otherwise).
 */
import { Redis } from 'ioredis';
import { createLogger, loadConfig, type Processors } from '../../core/index.ts';
import { createRedisClient, openDatabase } from '../../core/wiring.ts';
import { openProduct } from '../../bin/runtime/product.ts';
import { startBullmqWorkers } from '../../worker/index.ts';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel, { role: 'test-worker' });
const url = config.redisUrl!;
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: undefined, logger });
const redis = createRedisClient(url, logger);
const product = await openProduct(config, database, logger, () => {}, { redis });
await product.modelReady;
const slowMs = process.env.SLOW_JOB_MS ? Number(process.env.SLOW_JOB_MS) : undefined;
const recompute = product.processors['recompute-user'];
const processors: Processors =
  slowMs === undefined
    ? product.processors
    : {
        ...product.processors,
        'recompute-user': async (data) => {
          await redis.incr(`fault:started:${data.userId}`);
          await new Promise((resolve) => setTimeout(resolve, slowMs));
          await recompute(data);
        },
      };
const workers = startBullmqWorkers(processors, {
  logger,
  connect: () => new Redis(url, { maxRetriesPerRequest: null }),
  concurrency: process.env.JOB_CONCURRENCY ? Number(process.env.JOB_CONCURRENCY) : undefined,
});
process.on('SIGTERM', () => {
  void workers.close().then(() => process.exit(0));
});
process.stdout.write('worker ready\n');
