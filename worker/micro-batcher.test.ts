import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.ts';

describe('MicroBatcher', () => {
  it('runs what arrives together as one batch, up to its size, and settles each add with its batch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(async (items) => void batches.push(items), { maxSize: 3, maxWaitMs: 5 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    await batcher.add(6);
    expect(batches.at(-1)).toEqual([6]);
  });

  it('a failing item fails only its own add: the others of its batch are run again alone', async () => {
    const runs: number[][] = [];
    const batcher = new MicroBatcher<number>(
      async (items) => {
        runs.push(items);
        if (items.includes(2)) throw new Error('bad person 2');
      },
      { maxSize: 10, maxWaitMs: 1 },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('bad person 2'));
    expect(runs).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
