import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dirs.ts';
import { clusteredData } from '../../domain/recommender/testing/clustered-data.ts';
import { ArtifactTrainer } from './artifact-trainer.ts';
import { loadModel } from './model-artifacts.ts';
import { trainInThread } from './train-thread.ts';

const tmp = useTempDirs('moviebot-thread-');
const profiles = [{ likes: [1, 2] }, { likes: [21], dislikes: [41], seen: [22] }, { likes: [] }, { likes: [1, 21, 41] }];
/** The version's middle part (`<time>-<fingerprint>-<random>`): the fingerprint of what the model learned from. */
const fingerprintOf = (version: string) => version.split('-')[1];

describe('training on a worker thread', () => {
  it('writes the same model as training on this thread: same fingerprint, same recommendations and scores', async () => {
    const here = await new ArtifactTrainer(tmp(), undefined, undefined, { thread: false }).train(clusteredData(), { marker: 1 });
    const lines: string[] = [];
    const thread = await new ArtifactTrainer(tmp(), undefined, (line) => lines.push(line), { thread: true }).train(clusteredData(), { marker: 1 });
    expect(fingerprintOf(thread.version)).toBe(fingerprintOf(here.version));
    expect(thread.backend).toBe(here.backend);
    for (const p of profiles) {
      const expected = here.recommender.recommend(p, 10);
      expect(expected.length).toBeGreaterThan(0);
      expect(thread.recommender.recommend(p, 10)).toEqual(expected);
    }
    // The thread's log lines reach the trainer's log.
    expect(lines).toContainEqual(expect.stringMatching(/^TensorFlow.js backend: /));
  });

  it('hands the rating columns over (transferred, not copied) and keeps the rest of the data', async () => {
    const data = clusteredData();
    const ratings = data.ratings.length;
    const manifest = await trainInThread(data, { modelsDir: tmp(), metrics: { marker: 7 } });
    expect(manifest.metrics).toMatchObject({ ratings, marker: 7 });
    expect(data.ratings.userIds.byteLength).toBe(0);
    expect(data.ratings.ratings.byteLength).toBe(0);
    expect(data.movies.length).toBeGreaterThan(0);
  });

  it('copies columns that are views of a larger buffer instead of detaching the whole buffer', async () => {
    const data = clusteredData();
    const n = data.ratings.length;
    const shared = new ArrayBuffer(n * 4 * 3);
    const userIds = new Int32Array(shared, 0, n);
    const movieIds = new Int32Array(shared, n * 4, n);
    const values = new Float32Array(shared, n * 8, n);
    userIds.set(data.ratings.userIds);
    movieIds.set(data.ratings.movieIds);
    values.set(data.ratings.ratings);
    const dir = tmp();
    const manifest = await trainInThread({ ...data, ratings: { length: n, userIds, movieIds, ratings: values } }, { modelsDir: dir });
    expect(shared.byteLength).toBe(n * 12);
    expect(userIds[0]).toBe(data.ratings.userIds[0]);
    expect((await loadModel(path.join(dir, manifest.version))).recommender.recommend({ likes: [1, 2] }, 5)).toHaveLength(5);
  });

  it('a failure in the thread rejects with its error', async () => {
    const file = path.join(tmp(), 'not-a-directory');
    fs.writeFileSync(file, '');
    await expect(trainInThread(clusteredData(), { modelsDir: path.join(file, 'models') })).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/);
  });

  it('aborting stops the thread: the promise rejects and no version is written', async () => {
    const dir = tmp();
    const controller = new AbortController();
    const training = trainInThread(clusteredData(), { modelsDir: dir, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(training).rejects.toThrow('training stopped');
    const versions = fs.existsSync(dir) ? fs.readdirSync(dir).filter((e) => !e.startsWith('.')) : [];
    expect(versions).toEqual([]);
  });
});
