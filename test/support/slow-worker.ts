/**
 * A worker process for fault tests: the production wiring (product, BullMQ
 * workers) with recompute-user slowed down, so a test can kill -9 it in the
 * middle of a job. Each start of a job is counted in Redis
 * (`fault:started:<userId>`). Run with `node --import tsx`, env as for
 * `moviebot worker` plus SLOW_JOB_MS.
 */
import { Redis } from 'ioredis';
import { createLogger, createRedisClient, loadConfig, openDatabase } from '../../core/index.ts';
import { openProduct } from '../../bin/runtime/product.ts';
import { startBullmqWorkers } from '../../worker/index.ts';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel, { role: 'slow-worker' });
const url = config.redisUrl!;
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: undefined, logger });
const redis = createRedisClient(url, logger);
const product = await openProduct(config, database, logger, () => {}, { redis });
await product.modelReady;
const slowMs = Number(process.env.SLOW_JOB_MS ?? 60_000);
const recompute = product.processors['recompute-user'];
startBullmqWorkers(
  {
    ...product.processors,
    'recompute-user': async (data) => {
      await redis.incr(`fault:started:${data.userId}`);
      await new Promise((resolve) => setTimeout(resolve, slowMs));
      await recompute(data);
    },
  },
  { logger, connect: () => new Redis(url, { maxRetriesPerRequest: null }) },
);
process.stdout.write('slow worker ready\n');
