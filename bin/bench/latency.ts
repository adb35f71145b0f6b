import type { EaseRecommender, TasteProfile } from '../../core/index.ts';

/** p50/p99/max in ms of `fn` over `inputs`, after a warm-up. */
export function latency<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 200): { p50: number; p99: number; max: number } {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]!);
  const times = inputs.map((input) => {
    const t = performance.now();
    fn(input);
    return performance.now() - t;
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1]! };
}

/** Profiles like the bot sees: 1–30 liked movies drawn from real users' positives, some dislikes. */
export function sampleProfiles(
  ratings: { length: number; userIds: Int32Array; movieIds: Int32Array; ratings: Float32Array },
  count: number,
  seed = 1,
): TasteProfile[] {
  const byUser = new Map<number, { likes: number[]; dislikes: number[] }>();
  for (let r = 0; r < ratings.length; r++) {
    let u = byUser.get(ratings.userIds[r]!);
    if (!u) byUser.set(ratings.userIds[r]!, (u = { likes: [], dislikes: [] }));
    if (ratings.ratings[r]! >= 4) u.likes.push(ratings.movieIds[r]!);
    else if (ratings.ratings[r]! <= 2) u.dislikes.push(ratings.movieIds[r]!);
  }
  const users = [...byUser.values()].filter((u) => u.likes.length >= 3);
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => {
    const u = users[Math.floor(rnd() * users.length)]!;
    const n = 1 + Math.floor(rnd() ** 2 * Math.min(30, u.likes.length));
    return { likes: u.likes.slice(0, n), dislikes: u.dislikes.slice(0, Math.floor(rnd() * 3)) };
  });
}

/** Share of the exact top-k that the served (index-shortlisted) top-k also holds. */
export function overlapAtK(served: EaseRecommender, exact: EaseRecommender, profiles: readonly TasteProfile[], k: number): number {
  let sum = 0;
  for (const p of profiles) {
    const a = new Set(exact.recommend(p, k).map((r) => r.movieId));
    sum += served.recommend(p, k).filter((r) => a.has(r.movieId)).length / Math.max(1, a.size);
  }
  return sum / profiles.length;
}
