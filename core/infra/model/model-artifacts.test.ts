import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp-dirs.ts';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { clusteredData } from '../../domain/recommender/testing/clustered-data.ts';
import { loadModel, ModelNotFoundError, saveModel } from './model-artifacts.ts';
import { ModelHolder } from './model-holder.ts';
import { trainModel } from './train-model.ts';

const tmp = useTempDirs('moviebot-model-');
const profiles = [{ likes: [1, 2] }, { likes: [21], dislikes: [41], seen: [22] }, { likes: [] }, { likes: [1, 21, 41] }];

describe('model artifacts', () => {
  it('round-trips: the loaded model recommends exactly what the trained one did', async () => {
    const trained = await trainModel(clusteredData());
    const dir = path.join(tmp(), 'model');
    await saveModel(dir, trained);
    const loaded = await loadModel(dir);
    expect(loaded.manifest).toEqual(JSON.parse(JSON.stringify(trained.manifest)));
    expect(loaded.movies).toEqual(trained.movies);
    const inMemory = new EaseRecommender(trained.factors, trained.manifest.serving);
    for (const p of profiles) expect(loaded.recommender.recommend(p, 5)).toEqual(inMemory.recommend(p, 5));
    expect(loaded.manifest.backend).toMatch(/wasm|tensorflow|cpu/);
  });

  it('serves a catalog too large to scan from the saved HNSW index, one small enough by scanning', async () => {
    const trained = await trainModel(clusteredData());
    const inMemory = new EaseRecommender(trained.factors, trained.manifest.serving);
    const large = path.join(tmp(), 'large');
    await saveModel(large, trained, { scanMaxItems: 0 });
    expect(fs.existsSync(path.join(large, 'items.hnsw'))).toBe(true);
    const small = path.join(tmp(), 'small');
    await saveModel(small, trained);
    expect(fs.existsSync(path.join(small, 'items.hnsw'))).toBe(false);
    for (const loaded of [await loadModel(large, { scanMaxItems: 0 }), await loadModel(small)]) {
      for (const p of profiles) {
        expect(loaded.recommender.recommend(p, 5)).toEqual(inMemory.recommend(p, 5));
        expect(loaded.recommender.recommendMany([p, p], 5)).toEqual([inMemory.recommend(p, 5), inMemory.recommend(p, 5)]);
      }
    }
    // A large catalog's model without its index file is refused with the file named.
    fs.rmSync(path.join(large, 'items.hnsw'));
    await expect(loadModel(large, { scanMaxItems: 0 })).rejects.toThrow(/items.hnsw/);
  });

  it('replaces a model directory atomically and leaves no temporary folders', async () => {
    const parent = tmp();
    const dir = path.join(parent, 'model');
    const first = await trainModel(clusteredData());
    await saveModel(dir, first);
    const second = await trainModel(clusteredData(), { metrics: { marker: 2 } });
    await saveModel(dir, second);
    expect((await loadModel(dir)).manifest.metrics.marker).toBe(2);
    expect(fs.readdirSync(parent)).toEqual(['model']);
  });

  it('names a directory without a model', async () => {
    await expect(loadModel(tmp())).rejects.toThrow(ModelNotFoundError);
  });

  it('swaps to a new version without restart; a failed load keeps the old one', async () => {
    const root = tmp();
    const a = await trainModel(clusteredData(), { metrics: { v: 1 } });
    const b = await trainModel(clusteredData(), { metrics: { v: 2 } });
    await saveModel(path.join(root, 'a'), a);
    await saveModel(path.join(root, 'b'), b);
    const holder = new ModelHolder();
    const seen: number[] = [];
    holder.onSwap((m) => seen.push(m.manifest.metrics.v!));
    await holder.swapTo(path.join(root, 'a'));
    const before = holder.current();
    await holder.swapTo(path.join(root, 'b'));
    expect(holder.current().manifest.metrics.v).toBe(2);
    expect(before.recommender.recommend({ likes: [1] }, 3)).toHaveLength(3); // a request in flight keeps its model
    await expect(holder.swapTo(path.join(root, 'missing'))).rejects.toThrow();
    expect(holder.current().manifest.metrics.v).toBe(2);
    expect(seen).toEqual([1, 2]);
  });
});
