import { beforeAll, describe, expect, it } from 'vitest';
import { plainMath } from './dense-math.ts';
import { jsDotKernel } from './dot-kernel.ts';
import { EaseRecommender } from './ease-recommender.ts';
import { DEFAULT_FIT, fitEase } from './fit/fit-ease.ts';
import { QUICK_PICK_ROUNDS, QUICK_PICK_SIZE, quickPickRound, type QuickPickParams } from './quick-picker.ts';
import { ServingModel } from './serving-model.ts';
import { DEFAULT_SERVING } from './serving-params.ts';
import { clusteredData } from './testing/clustered-data.ts';
import type { QuickPickAnswers } from './types.ts';

const SCI_FI = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60]);
const ROMANCE = new Set([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
const HORROR = new Set([41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52]);
const taste = (id: number) => (SCI_FI.has(id) ? 'sci-fi' : ROMANCE.has(id) ? 'romance' : HORROR.has(id) ? 'horror' : 'other');
/** The small world's catalog is 38 films: skip only the blockbuster (99), choose among all the others. */
const params: QuickPickParams = { skip: 1, pool: 40, directions: 8, relevance: 0.5, spread: 0.5, earlierSpread: 0.25 };

let model: ServingModel;
beforeAll(async () => {
  model = new ServingModel(await fitEase(clusteredData(), DEFAULT_FIT, plainMath), DEFAULT_SERVING, jsDotKernel);
});

const round = (answers: QuickPickAnswers, size = 3) => quickPickRound(model, answers, size, params);

describe('quickPickRound', () => {
  it('offers a first round spread over the tastes, leaving out the most liked film', () => {
    const first = round({ offered: [], liked: [] });
    expect(first).toHaveLength(3);
    expect(new Set(first.map(taste))).toEqual(new Set(['sci-fi', 'romance', 'horror']));
    expect(first).not.toContain(99);
  });

  it('never offers a film twice over the rounds, nor one already liked', () => {
    const offered: number[] = [];
    const liked = [1];
    for (let r = 0; r < QUICK_PICK_ROUNDS; r++) {
      const shown = round({ offered, liked }, QUICK_PICK_SIZE);
      expect(shown).toHaveLength(QUICK_PICK_SIZE);
      expect(new Set(shown).size).toBe(shown.length);
      for (const id of shown) expect([...offered, ...liked]).not.toContain(id);
      offered.push(...shown);
    }
  });

  it('follows the taps: after sci-fi taps, the next round opens with sci-fi', () => {
    const first = round({ offered: [], liked: [] });
    const tapped = first.filter((id) => SCI_FI.has(id));
    const next = round({ offered: first, liked: tapped });
    expect(tapped.length).toBeGreaterThan(0);
    expect(SCI_FI.has(next[0]!)).toBe(true);
  });

  it('explores elsewhere after a round with no tap, and is the same for the same answers', () => {
    const first = round({ offered: [], liked: [] }, 1);
    const second = round({ offered: first, liked: [] }, 1);
    expect(taste(second[0]!)).not.toBe(taste(first[0]!));
    expect(round({ offered: first, liked: [] }, 1)).toEqual(second);
  });

  it('offers fewer only when the pool runs out', () => {
    const everything = round({ offered: [], liked: [] }, 100);
    expect(everything).toHaveLength(37);
    expect(round({ offered: everything, liked: [] }, 8)).toEqual([]);
  });

  it('is what the recommender offers as its quick picks', async () => {
    const recommender = new EaseRecommender(model.factors, DEFAULT_SERVING);
    const picks = recommender.quickPicks({ offered: [], liked: [] }, 4);
    expect(picks).toHaveLength(4);
    expect(new Set(picks).size).toBe(4);
  });
});
