import type { EaseRecommender, ModelGroupStrategy, RatingsTable, TasteProfile } from '../../core/index.ts';

const STRATEGIES: ModelGroupStrategy[] = ['average-without-misery', 'average', 'fair-turns'];

/**
 * Servers of `size` members, 20 favourites each, drawn from real users'
 * positives (a user may stand for several members once the data runs out).
 */
export function sampleServer(ratings: RatingsTable, size: number, seed: number): TasteProfile[] {
  const byUser = new Map<number, number[]>();
  for (let r = 0; r < ratings.length; r++) {
    if (ratings.ratings[r]! < 4) continue;
    const likes = byUser.get(ratings.userIds[r]!) ?? [];
    likes.push(ratings.movieIds[r]!);
    byUser.set(ratings.userIds[r]!, likes);
  }
  const users = [...byUser.values()].filter((likes) => likes.length >= 20);
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: size }, () => {
    const likes = [...users[Math.floor(rnd() * users.length)]!];
    for (let i = 0; i < 20; i++) {
      const j = i + Math.floor(rnd() * (likes.length - i));
      [likes[i], likes[j]] = [likes[j]!, likes[i]!];
    }
    return { likes: likes.slice(0, 20) };
  });
}

/**
 * Group pick time, served (the index's shortlist) against the exact scan over
 * every item, in one run; and how good the served lists are by the exact
 * scores: the share of the exact top-k they hold, their mean group z-score
 * as a share of the exact list's, and how many of their picks some member
 * would hate (below the misery threshold).
 */
export function runGroupPickBench(
  served: EaseRecommender,
  exact: EaseRecommender,
  ratings: RatingsTable,
  opts: { sizes?: number[]; k?: number; log?: (line: string) => void } = {},
): void {
  const { sizes = [10, 50, 200, 1000], k = 10, log = console.log } = opts;
  const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const time = <T>(fn: () => T): [T, number] => {
    const t = performance.now();
    const out = fn();
    return [out, performance.now() - t];
  };
  // Warm-up: the per-λ caches and the JIT, so the first size does not pay for them.
  for (let i = 0; i < 3; i++) served.recommendGroup(sampleServer(ratings, 50, 99 + i), k);

  log(`  top-${k}. served: p50 (max) of 5 servers. exact: the same servers (3 of them from 200 members, 1 from 1000; 1000: only the default strategy)`);
  log('  members | served          | exact       | strategy               | exact top-k kept | mean z vs exact | hated picks served (exact)');
  for (const size of sizes) {
    const servers = Array.from({ length: 5 }, (_, i) => sampleServer(ratings, size, 1000 * size + i));
    const servedMs = servers.map((members) => time(() => served.recommendGroup(members, k))[1]);
    const checked = servers.slice(0, size >= 1000 ? 1 : size >= 200 ? 3 : 5);
    const strategies = size >= 1000 ? STRATEGIES.slice(0, 1) : STRATEGIES;
    const rows = strategies.map(() => ({ kept: [] as number[], z: [] as number[], hated: 0, exactHated: 0 }));
    const exactMs: number[] = [];
    for (const members of checked) {
      // The exact group z of the top 300, and which of the top 300 nobody hates: served picks come from there.
      const depth = 300;
      const groupZ = new Map(exact.recommendGroupWith('average', members, depth).map((r) => [r.movieId, r.score]));
      const withoutMisery = exact.recommendGroupWith('average-without-misery', members, depth);
      // Nobody hates the list's head; a fill from the plain average, if any, starts again from the top.
      const fill = withoutMisery.findIndex((r, i) => i > 0 && r.score > withoutMisery[i - 1]!.score);
      const loved = new Set(withoutMisery.slice(0, fill < 0 ? depth : fill).map((r) => r.movieId));
      const lowest = Math.min(...groupZ.values());
      const zOf = (ids: number[]) => ids.reduce((a, id) => a + (groupZ.get(id) ?? lowest), 0);
      const hated = (ids: number[]) => ids.filter((id) => !loved.has(id)).length;
      strategies.forEach((strategy, i) => {
        const [want, t] = time(() => exact.recommendGroupWith(strategy, members, k).map((r) => r.movieId));
        if (i === 0) exactMs.push(t);
        const got = served.recommendGroupWith(strategy, members, k).map((r) => r.movieId);
        rows[i]!.kept.push(got.filter((id) => want.includes(id)).length / k);
        rows[i]!.z.push(zOf(got) / zOf(want));
        rows[i]!.hated += hated(got);
        rows[i]!.exactHated += hated(want);
      });
    }
    strategies.forEach((strategy, i) => {
      const row = rows[i]!;
      log(
        [
          (i === 0 ? String(size) : '').padStart(7),
          (i === 0 ? `${ms(median(servedMs))} (${ms(Math.max(...servedMs))})` : '').padEnd(15),
          (i === 0 ? ms(median(exactMs)) : '').padEnd(11),
          strategy.padEnd(22),
          pct(mean(row.kept)).padEnd(16),
          pct(mean(row.z)).padEnd(15),
          `${row.hated} (${row.exactHated}) of ${k * checked.length}`,
        ].join(' | '),
      );
    });
  }
}
