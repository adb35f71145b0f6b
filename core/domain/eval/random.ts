/**
 * Seeded randomness for the evaluation: every sample is drawn from a stream
 * named by (seed, protocol, user or fold), so two methods evaluated with the
 * same seed see identical splits and samples, and adding a protocol or a
 * user changes no other stream.
 */

import { mulberry32, type Random } from '../random.ts';

export { mulberry32, type Random };

/** The stream named by `parts` under `seed` (FNV-1a over "seed/part/…", then mulberry32). */
export function streamFor(seed: number, ...parts: readonly (string | number)[]): Random {
  let h = 0x811c9dc5;
  for (const ch of [seed, ...parts].join('/')) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  }
  return mulberry32(h >>> 0);
}

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `k` distinct items drawn uniformly without replacement, in draw order. */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  const pool = items.slice();
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}
