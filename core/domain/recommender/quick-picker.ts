import { foldIn, scoreFolded } from './fold-in.ts';
import type { ServingModel } from './serving-model.ts';
import type { QuickPickAnswers } from './types.ts';

/** Films a quick-picker round offers. */
export const QUICK_PICK_SIZE = 8;
/** Rounds of the quick picker before the taps are the profile. */
export const QUICK_PICK_ROUNDS = 3;

/** How a round is chosen; tuned with bench:quality's onboarding protocol. */
export interface QuickPickParams {
  /**
   * The most liked films are never offered: nearly everyone likes them, so a
   * tap says little about a taste (and the first list offers them anyway).
   */
  skip: number;
  /** A round chooses among the next this many most liked films: films a newcomer can answer about. */
  pool: number;
  /** Leading eigen-directions that place a film (the first, on which every popular film agrees, left out). */
  directions: number;
  /** Once there are taps, the share of a film's merit that is the taps' fold-in score (the rest is its popularity). */
  relevance: number;
  /** How much a film loses for its likeness (cosine in the leading directions) to one already in the round. */
  spread: number;
  /** The same for a film offered in an earlier round: a later round explores elsewhere. */
  earlierSpread: number;
}

export const DEFAULT_QUICK_PICK: QuickPickParams = { skip: 20, pool: 300, directions: 32, relevance: 0.2, spread: 0.5, earlierSpread: 0.25 };

/**
 * One round of the quick picker: `size` well-known films, mutually different.
 * Each film's merit is its popularity (how likely a newcomer knows it) and,
 * once they tapped some, how well it follows from the taps; the round is
 * filled greedily, each film losing for its likeness to those already in it
 * or offered before, so that the rounds spread over the model's leading
 * directions of taste (as MovieLens's group picker does). Never offers a
 * film twice; fewer than `size` only when the pool runs out. Pure: the
 * answers so far are the whole state.
 */
export function quickPickRound(model: ServingModel, answers: QuickPickAnswers, size = QUICK_PICK_SIZE, params: QuickPickParams = DEFAULT_QUICK_PICK): number[] {
  const earlier = model.rowsOf([...answers.offered, ...answers.liked]);
  const offered = new Set(earlier);
  const pool: number[] = [];
  for (const row of model.popularOrder.slice(params.skip)) {
    if (pool.length === params.pool) break;
    if (!offered.has(row)) pool.push(row);
  }
  const merit = meritOf(model, answers, pool, params.relevance);
  const place = placements(model, params.directions);
  // A pool film's penalty so far: its largest weighted likeness to a film offered before or picked.
  const penalty = new Float64Array(pool.length);
  const penalise = (row: number, weight: number) => {
    pool.forEach((other, c) => (penalty[c] = Math.max(penalty[c]!, weight * cosine(place(other), place(row)))));
  };
  for (const row of earlier) penalise(row, params.earlierSpread);
  const taken = new Uint8Array(pool.length);
  const picked: number[] = [];
  while (picked.length < Math.min(size, pool.length)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < pool.length; c++) {
      const value = merit[c]! - penalty[c]!;
      if (!taken[c] && value > bestValue) {
        best = c;
        bestValue = value;
      }
    }
    taken[best] = 1;
    picked.push(pool[best]!);
    penalise(pool[best]!, params.spread);
  }
  return picked.map((row) => model.movieId(row));
}

/** Popularity (0–1), blended with the taps' fold-in score (scaled to at most 1) once there are taps. */
function meritOf(model: ServingModel, answers: QuickPickAnswers, pool: readonly number[], relevance: number): Float64Array {
  const merit = Float64Array.from(pool, (row) => model.logPopularity[row]!);
  const liked = new Set(answers.liked);
  const folded = liked.size > 0 ? foldIn(model, { likes: answers.liked, seen: answers.offered.filter((id) => !liked.has(id)) }) : null;
  if (!folded || pool.length === 0) return merit;
  const { scores } = scoreFolded(model, folded, Int32Array.from(pool));
  const largest = pool.reduce((m, row) => Math.max(m, Math.abs(scores[row]!)), 0);
  if (largest === 0) return merit;
  return merit.map((m, c) => (1 - relevance) * m + (relevance * scores[pool[c]!]!) / largest);
}

/**
 * A film's place: its unit vector over eigen-directions 1 … `directions`,
 * each scaled by √eigenvalue, so that the cosine of two places is that of
 * their co-occurrence in the leading directions. Made on demand, kept.
 */
function placements(model: ServingModel, directions: number): (row: number) => Float64Array {
  const { vectors, stride, rank, factors } = model;
  const dims = Math.max(0, Math.min(directions, rank - 1));
  const made = new Map<number, Float64Array>();
  return (row) => {
    let v = made.get(row);
    if (v) return v;
    v = new Float64Array(dims);
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      v[j] = vectors[row * stride + j + 1]! * Math.sqrt(Math.max(factors.values[j + 1]!, 0));
      norm += v[j]! ** 2;
    }
    if (norm > 0) for (let j = 0; j < dims; j++) v[j] = v[j]! / Math.sqrt(norm);
    made.set(row, v);
    return v;
  };
}

function cosine(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += x[j]! * y[j]!;
  return sum;
}
