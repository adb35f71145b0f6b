import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BadJobError, type CommunityDeps, type RetrainOutcome } from '../../core/index.ts';
import { createRepositories } from '../../core/wiring.ts';
import { importDataset } from '../../data/index.ts';
import { writeFixture } from '../../data/testing/fixtures.ts';
import { BACKENDS, type TestDatabase } from '../../test/support/databases.ts';
import { useTempDirs } from '../../test/support/temp-dirs.ts';
import { importData } from './import.processor.ts';
import { retrain } from './retrain.processor.ts';

const tmp = useTempDirs('moviebot-import-job-');
const deps = {} as CommunityDeps;

describe.each(BACKENDS)('import processor on $name', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.drop());

  it('imports a MovieLens folder; run twice (a redelivery), the catalog is the same', async () => {
    const fixture = await writeFixture(path.join(tmp(), 'ml'), 'csv');
    const run = importData({ deps, importFolder: (dir) => importDataset({ database: db.database, dir }) });
    await run({ source: fixture.dir });
    const catalog = createRepositories(db.database.db).catalog;
    const first = await catalog.stats();
    expect(first).toEqual({ movies: fixture.counts.movies, ratings: fixture.counts.ratings, tags: fixture.counts.tags });
    await run({ source: fixture.dir });
    expect(await catalog.stats()).toEqual(first);
  });

  it('a folder that is missing, holds no release or has malformed rows fails as bad job data, saying why', async () => {
    const run = importData({ deps, importFolder: (dir) => importDataset({ database: db.database, dir }) });
    const missing = path.join(tmp(), 'nowhere');
    await expect(run({ source: missing })).rejects.toThrow(new BadJobError(`import: ${missing} is not a folder on this worker`));
    const empty = tmp();
    await expect(run({ source: empty })).rejects.toSatisfy((err) => err instanceof BadJobError && err.message.startsWith(`import of ${empty}:`));
    const broken = await writeFixture(path.join(tmp(), 'broken'), 'csv', { malformed: true });
    await expect(run({ source: broken.dir })).rejects.toSatisfy((err) => err instanceof BadJobError && /malformed|line/i.test(err.message));
    await expect(run({ source: '' })).rejects.toBeInstanceOf(BadJobError);
    await expect(run(undefined as never)).rejects.toBeInstanceOf(BadJobError);
  });
});

describe('retrain processor', () => {
  it('runs the rollout’s retrain once per job', async () => {
    const outcome: RetrainOutcome = { status: 'unchanged', version: 'v1', reason: 'same data' };
    const run = vi.fn(async () => outcome);
    await retrain({ deps, retrain: run })({ reason: 'scheduled' });
    await retrain({ deps, retrain: run })({ reason: 'manual' });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('bad job data fails without a retrain', async () => {
    const run = vi.fn();
    await expect(retrain({ deps, retrain: run })({ reason: 'whenever' } as never)).rejects.toBeInstanceOf(BadJobError);
    await expect(retrain({ deps, retrain: run })(null as never)).rejects.toBeInstanceOf(BadJobError);
    expect(run).not.toHaveBeenCalled();
  });
});
