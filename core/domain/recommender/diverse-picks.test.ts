import { describe, expect, it } from 'vitest';
import { diversePicks } from './diverse-picks.ts';
import { jsDotKernel } from './dot-kernel.ts';
import type { EaseFactors } from './ease-factors.ts';
import { DEFAULT_SERVING } from './serving-params.ts';
import { ServingModel } from './serving-model.ts';

/** Five items in four equally weighted directions: items 0 and 1 (a film and its sequel) share one, 4 leans towards it. */
function model(): ServingModel {
  const rank = 4;
  const rows = [
    [1, 0, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [0.4, 0, 0, Math.sqrt(1 - 0.4 ** 2)],
  ];
  const factors: EaseFactors = {
    itemIds: Int32Array.from([10, 11, 20, 30, 40]),
    rank,
    vectors: Float32Array.from(rows.flat()),
    values: Float64Array.from([1000, 1000, 1000, 1000]),
    popularity: new Float32Array(5),
    itemScale: new Float32Array(5).fill(1),
  };
  return new ServingModel(factors, { ...DEFAULT_SERVING, servingRank: rank, indexRank: rank }, jsDotKernel);
}

const ranked = (...rows: number[]) => rows.map((index) => ({ index }));

describe('diversePicks', () => {
  it('skips a near-duplicate of a pick while other items remain, keeping the order', () => {
    expect(diversePicks(model(), ranked(0, 1, 2, 3), 3).map((p) => p.index)).toEqual([0, 2, 3]);
  });

  it('fills the list with the skipped, in order, when too few others remain', () => {
    expect(diversePicks(model(), ranked(0, 1, 2), 3).map((p) => p.index)).toEqual([0, 2, 1]);
  });

  it('keeps items that are only somewhat alike', () => {
    // Item 4's cosine with item 0 is 0.4: alike, not a sequel.
    expect(diversePicks(model(), ranked(0, 4, 2), 3).map((p) => p.index)).toEqual([0, 4, 2]);
  });
});
