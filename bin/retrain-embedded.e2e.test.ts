/**
 * The embedded default (`moviebot start` without REDIS_URL: PGlite, jobs
 * in-process) learns from its community too: RETRAIN_CRON fires a retrain
 * on the in-process runner, the new model is promoted and served by the
 * same process without a restart, and people keep getting answers while it
 * trains (the training runs on a worker thread).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity, loadConfig, recommend, recordFeedback } from '../core/index.ts';
import { createRepositories } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { openProduct, type Product } from './runtime/product.ts';
import { scheduleNightlyRetrain } from './runtime/retrain-schedule.ts';
import { freshPglite, type TestDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-retrain-embedded-');

/** Memento, Twelve Monkeys, Back to the Future; Intacto (2001: two ratings); Titanic (as in retrain.e2e). */
const POPULAR = [4226, 32, 1270];
const OBSCURE = 5949;
const DISLIKED = 1721;
const COMMUNITY_SIZE = 30;

describe.skipIf(!ML_LATEST_SMALL.present)('embedded (PGlite, no Redis): a scheduled retrain is served live while answers keep flowing', () => {
  let db: TestDatabase;
  let product: Product;
  const logLines: { msg: string; scheduledFor?: string }[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()) as { msg: string });
        done();
      },
    }),
  );

  beforeAll(async () => {
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    // The first model is trained from the database on open, as `moviebot start` does on a first run.
    product = await openProduct(loadConfig({ DATA_DIR: path.join(tmp(), 'data') }), db.database, logger, () => {});
    await product.modelReady;
  }, 180_000);

  afterAll(async () => {
    await product?.rollout.close();
    await product?.jobs.close();
    await db?.drop();
  });

  it('RETRAIN_CRON ticks → retrain on the in-process runner → promoted and served without restart; max event-loop lag well below the training', async () => {
    const newcomer = { platform: 'telegram' as const, platformUserId: 'embedded-newcomer' };
    for (const id of POPULAR) await addFavorite(product.deps, newcomer, id);
    const ids = async () => (await recommend(product.deps, newcomer, { k: 10 })).map((r) => r.movie.id);
    expect(await ids()).not.toContain(OBSCURE);
    for (let i = 0; i < COMMUNITY_SIZE; i++) {
      const member = { platform: 'telegram' as const, platformUserId: `embedded-member-${i}` };
      await joinCommunity(product.deps, member, { platform: 'telegram', id: 'embedded-group' });
      for (const id of [...POPULAR, OBSCURE]) await addFavorite(product.deps, member, id);
      await recordFeedback(product.deps, { identity: member, movieId: DISLIKED, value: -1, source: 'button', eventKey: `embedded-${i}` });
    }
    const before = product.models.current().manifest.version;

    // Event-loop lag (a 10 ms timer's lateness) and live interactions every 50 ms, from the tick to the swap.
    let lagMax = 0;
    let expected = performance.now() + 10;
    const lag = setInterval(() => {
      const now = performance.now();
      lagMax = Math.max(lagMax, now - expected);
      expected = now + 10;
    }, 10);
    const answers: number[] = [];
    let swapped = false;
    const interactions = (async () => {
      for (let i = 0; !swapped; i++) {
        const member = { platform: 'discord' as const, platformUserId: `embedded-asker-${i % 10}` };
        const started = performance.now();
        await addFavorite(product.deps, member, [2571, 318, 296, 356, 593][i % 5]!);
        expect(await recommend(product.deps, member, { k: 10 })).toHaveLength(10);
        answers.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // Every second: the first tick queues the retrain; the schedule is then closed, as at shutdown.
    const schedule = scheduleNightlyRetrain(loadConfig({ RETRAIN_CRON: '* * * * * *' }), logger, product);
    try {
      await until(() => logLines.some((l) => l.msg === 'scheduled retrain'), 5_000);
    } finally {
      schedule.close();
    }
    await until(() => product.models.current().manifest.version !== before, 150_000);
    swapped = true;
    await interactions;
    clearInterval(lag);

    const after = product.models.current().manifest.version;
    expect(after).not.toBe(before);
    const active = (await createRepositories(db.database.db).modelVersions.active())!;
    expect(active.version).toBe(after);
    // The community's signals, and some of the favourites the askers added meanwhile.
    expect(active.metrics['communitySignals']).toBeGreaterThanOrEqual(COMMUNITY_SIZE * (POPULAR.length + 2) + POPULAR.length);
    // Served by this very process, without a restart: the newcomer now gets the community's film.
    expect(await ids()).toContain(OBSCURE);

    const trainingMs = active.metrics['trainingSeconds']! * 1000;
    console.log(
      `embedded retrain: training ${(trainingMs / 1000).toFixed(1)} s on a worker thread; max event-loop lag ${lagMax.toFixed(0)} ms; ` +
        `${answers.length} interactions answered meanwhile, slowest ${Math.max(...answers).toFixed(0)} ms`,
    );
    // On this thread the loop would be held for the whole training (bench:retrain: 9–10 s of 11–13 s).
    expect(lagMax).toBeLessThan(trainingMs / 4);
    expect(answers.length).toBeGreaterThan(trainingMs / 1000);
  }, 200_000);
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
