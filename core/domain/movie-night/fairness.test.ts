import { describe, expect, it } from 'vitest';
import { FAIRNESS_WINDOW, fairnessWeight, fairnessWeights, lostNights } from './fairness.ts';

describe('fairness weights', () => {
  it('weigh 1 with no nights yet, or nights that went neither way', () => {
    expect(fairnessWeight([])).toBe(1);
    expect(fairnessWeight([0.5, 0.5, 0.5])).toBe(1);
    const { weights, favoured } = fairnessWeights([1, 2, 3], new Map([[3, [0.5]]]));
    expect([...weights.values()]).toEqual([1, 1, 1]);
    expect(favoured).toEqual([]);
  });

  it('grow with recent losses and shrink with recent wins', () => {
    expect(fairnessWeight([1])).toBeGreaterThan(fairnessWeight([0.75]));
    expect(fairnessWeight([0.75])).toBeGreaterThan(1);
    expect(fairnessWeight([1, 1])).toBeGreaterThan(fairnessWeight([1]));
    expect(fairnessWeight([1, 1, 1])).toBeGreaterThan(fairnessWeight([1, 1]));
    expect(fairnessWeight([0])).toBeLessThan(1);
    expect(fairnessWeight([0, 0])).toBeLessThan(fairnessWeight([0]));
  });

  it('count an older night less, and nights past the window not at all', () => {
    expect(fairnessWeight([1, 0.5, 0.5])).toBeGreaterThan(fairnessWeight([0.5, 0.5, 1]));
    expect(fairnessWeight([0.5, 0.5, 1])).toBeGreaterThan(1);
    const past = [...Array<number>(FAIRNESS_WINDOW).fill(0.5), 1];
    expect(fairnessWeight(past)).toBe(1);
    expect(fairnessWeight([1, 1, 1, 0, 0])).toBe(fairnessWeight([1, 1, 1]));
  });

  it('favour those who lost the recent nights while the others won, heaviest first', () => {
    const recent = new Map([
      [1, [1, 0.75]],
      [2, [1, 1]],
      [3, [0, 0.25]],
      [4, [0.25, 0]],
      [5, [0, 0]],
    ]);
    const { weights, favoured } = fairnessWeights([1, 2, 3, 4, 5, 6], recent);
    expect(favoured).toEqual([2, 1]);
    expect(weights.get(2)!).toBeGreaterThan(weights.get(1)!);
    expect(weights.get(6)).toBe(1);
    expect(lostNights(recent.get(2)!)).toBe(2);
    expect(lostNights([1, 0, 1])).toBe(1);
    expect(lostNights([0.5, 1])).toBe(0);
  });

  it('favour nobody when everyone lost alike, or when the loss was before the last night', () => {
    expect(fairnessWeights([1, 2, 3], new Map([1, 2, 3].map((id) => [id, [1, 1]]))).favoured).toEqual([]);
    // Member 1 lost two nights ago but won the last one: their weight may be above 1, they are not named.
    expect(fairnessWeights([1, 2, 3], new Map([[1, [0.25, 1, 1]]])).favoured).toEqual([]);
    // A lone attendee has nobody to be favoured over.
    expect(fairnessWeights([1], new Map([[1, [1, 1]]])).favoured).toEqual([]);
  });
});
