import { describe, expect, it } from 'vitest';
import { EditCoalescer } from './edit-coalescer.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('EditCoalescer', () => {
  it('edits a burst of changes a few times, and last after the last change', async () => {
    let state = 0;
    const seen: number[] = [];
    const edits = new EditCoalescer<string>(
      50,
      async () => {
        seen.push(state);
        await sleep(5);
      },
      () => undefined,
    );
    for (let i = 1; i <= 100; i++) {
      state = i;
      edits.touch('night');
      await sleep(2);
    }
    await edits.flush();
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeLessThan(10);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('keeps to one edit per interval also when changes come one at a time, after the edit before has finished', async () => {
    const at: number[] = [];
    const edits = new EditCoalescer<string>(
      100,
      async () => void at.push(performance.now()),
      () => undefined,
    );
    for (let i = 0; i < 4; i++) {
      edits.touch('night');
      await sleep(30);
    }
    await sleep(150);
    expect(at.length).toBe(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(95);
  });

  it('keeps keys apart and reports a failed edit without stopping later ones', async () => {
    const done: string[] = [];
    const errors: string[] = [];
    const edits = new EditCoalescer<string>(
      10,
      async (key) => {
        if (key === 'bad' && errors.length === 0) throw new Error('429');
        done.push(key);
      },
      (_err, key) => errors.push(key),
    );
    edits.touch('a');
    edits.touch('bad');
    await edits.flush();
    edits.touch('bad');
    await edits.flush();
    expect(done.sort()).toEqual(['a', 'bad']);
    expect(errors).toEqual(['bad']);
  });
});
