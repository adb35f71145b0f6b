import { describe, expect, it } from 'vitest';
import { popularityRecommender } from '../eval/popularity.ts';
import { syntheticData } from '../eval/synthetic-data.ts';
import type { Recommender } from '../recommender/types.ts';
import { holdOut, scoreSlice, scoreSliceInTurns } from './holdout.ts';

const { train, slice } = holdOut(syntheticData({ users: 300, movies: 80 }), { seed: 3, share: 0.3, maxUsers: 1000 });

/** A model whose every answer costs `ms` of CPU, as a real one's does on a long history. */
function slow(model: Recommender, ms: number): Recommender {
  return {
    recommend(profile, k, options) {
      const until = performance.now() + ms;
      while (performance.now() < until);
      return model.recommend(profile, k, options);
    },
    recommendGroup: (members, k) => model.recommendGroup(members, k),
  };
}

describe('scoreSliceInTurns', () => {
  it('gives exactly the figures of scoreSlice', async () => {
    const model = popularityRecommender(train);
    expect(slice.length).toBeGreaterThan(50);
    expect(await scoreSliceInTurns(model, slice, 0)).toEqual(scoreSlice(model, slice));
  });

  it('lets timers run while it scores: no block much longer than a turn', async () => {
    const model = slow(popularityRecommender(train), 1);
    let last = performance.now();
    let worst = 0;
    const lag = setInterval(() => {
      worst = Math.max(worst, performance.now() - last);
      last = performance.now();
    }, 1);
    const started = performance.now();
    await scoreSliceInTurns(model, slice, 10);
    const took = performance.now() - started;
    clearInterval(lag);
    // ~1 ms per user over 50+ users: run in one go, the timer would wait the whole time.
    expect(took).toBeGreaterThan(50);
    expect(worst).toBeLessThan(took / 2);
  });
});
