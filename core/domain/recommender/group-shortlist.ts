import { dot, dotBlock } from './dot-product.ts';
import type { GroupStrategy } from './group-aggregation.ts';
import { fairTurns, GroupScores, Misery, type MemberQuery, type MemberScores, type Moments } from './group-scores.ts';
import type { VectorIndex } from './vector-index.ts';

export type { MemberQuery };

/** What the group pick reads of a model. */
export interface GroupScoringSpace {
  /** items × stride: each item's vector at serving rank. */
  vectors: Float32Array;
  stride: number;
  items: number;
  /** λ grid × items: the per-item normaliser at each grid point. */
  norms: Float32Array;
  /** Column scale s_k of each item. */
  scale: Float32Array;
  /** Shortlists by inner product with the leading `index.dimensions` of a query. */
  index: VectorIndex;
  /** Items whose scores estimate each member's spread (default {@link MOMENT_SAMPLE}). */
  sampleSize?: number;
  /** At least this many candidates are shortlisted (default {@link MIN_CANDIDATES}). */
  minCandidates?: number;
}

/** Draws for a member's score spread: its sd is then within a few percent (see the tests). */
export const MOMENT_SAMPLE = 512;
/** Candidates shortlisted for a group, beyond what fair turns asks (50 per slot) and the excluded. */
export const MIN_CANDIDATES = 1000;
/** Items drawn to estimate Σ_k (s_k − mean)², each with the weight 1 / (draws · P(k)) times how often it was drawn. */
interface MomentSample {
  items: Int32Array;
  weights: Float64Array;
}

/**
 * {@link aggregateGroup}'s strategies on a large server without scoring every
 * member over the whole catalog (that costs members × items × rank).
 *
 * - A member's mean score over all items is exact and cheap: q·μ_g, μ_g being
 *   the mean of V_k / (norm_g[k]·s_k), made once per λ grid point. Their sd
 *   is estimated from a fixed random sample of items.
 * - The mean z-score is linear in the members' queries, so the group is one
 *   query per λ grid point among its members: the shortlist index finds the
 *   candidates for their sum, and the candidates are scored exactly.
 * - Per-member scores are computed only where a strategy looks: the misery
 *   check walks the candidates best first and stops at the first member who
 *   would hate one; fair turns scores the candidates for the member whose
 *   turn it is.
 */
export class GroupShortlist implements MemberScores {
  private readonly divisors = new Map<number, Float64Array>();
  private readonly means = new Map<number, Float64Array>();
  private readonly samples = new Map<number, MomentSample>();
  /** |V_k|² at serving rank. */
  private lengths: Float64Array | undefined;

  constructor(private readonly space: GroupScoringSpace) {}

  /**
   * The k picks of a strategy. A `bias` (a discover list's, in units of the
   * largest group score among the candidates) is added to each candidate's
   * group score, and the shortlist is made twice as long for it.
   * @param weights - each member's share of the group's mean z-score (all equal by default).
   */
  pick(
    strategy: GroupStrategy,
    members: readonly MemberQuery[],
    excluded: ReadonlySet<number>,
    k: number,
    miseryThreshold: number,
    weights?: readonly number[],
    bias?: (index: number) => number,
  ): { index: number; score: number }[] {
    const moments = this.moments(members);
    const group = new GroupScores(this, members, moments, weights);
    const wanted = (bias ? 2 : 1) * Math.max(this.space.minCandidates ?? MIN_CANDIDATES, 50 * k) + excluded.size;
    const found = this.space.index.search(group.indexQuery(this.space.index.dimensions), Math.min(wanted, this.space.items));
    const candidates = [...found].filter((i) => !excluded.has(i));
    const combined = new Map(candidates.map((i) => [i, group.combined(i)]));
    const lift = new Map<number, number>();
    if (bias) {
      const largest = candidates.reduce((m, i) => Math.max(m, Math.abs(combined.get(i)!)), 0);
      for (const i of candidates) {
        lift.set(i, largest * bias(i));
        combined.set(i, combined.get(i)! + lift.get(i)!);
      }
    }
    candidates.sort((a, b) => combined.get(b)! - combined.get(a)!);
    const misery = new Misery(group, miseryThreshold);
    if (strategy === 'average') return candidates.slice(0, k).map((index) => ({ index, score: combined.get(index)! }));
    if (strategy === 'fair-turns') return fairTurns(group, misery, candidates.slice(0, 50 * k), combined, k, lift);

    const picks: number[] = [];
    for (const i of candidates) {
      if (picks.length === k) break;
      if (!misery.of(i)) picks.push(i);
    }
    // Too few nobody hates: filled from the plain average, as aggregateGroup does.
    const taken = new Set(picks);
    for (const i of candidates) {
      if (picks.length === k) break;
      if (!taken.has(i)) picks.push(i);
    }
    return picks.map((index) => ({ index, score: combined.get(index)! }));
  }

  /** q·V_k / (norm_g[k]·s_k): member's score of item k. */
  score(m: MemberQuery, k: number): number {
    return dot(m.q, this.space.vectors, k * this.space.stride, this.space.stride) / this.divisor(m.g)[k]!;
  }

  /** Σ_g Q_g·V_k / divisor_g[k] for the group's per-grid queries. */
  scoreSum(queries: ReadonlyMap<number, Float64Array>, k: number): number {
    let s = 0;
    for (const [g, q] of queries) s += dot(q, this.space.vectors, k * this.space.stride, this.space.stride) / this.divisor(g)[k]!;
    return s;
  }

  /** A member's moments over every item: what {@link moments} estimates. */
  exactMoments(m: MemberQuery): Moments {
    const { items: n, stride, vectors } = this.space;
    const d = this.divisor(m.g);
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) {
      const s = dot(m.q, vectors, k * stride, stride) / d[k]!;
      sum += s;
      sq += s * s;
    }
    const mean = sum / n;
    return { mean, sd: Math.sqrt(Math.max(sq / n - mean * mean, 1e-12)), exact: true };
  }

  /**
   * The mean exactly; the variance as the member's own likes and dislikes
   * (often half of it) plus an importance sample of the other items, drawn
   * ∝ |V_k / divisor_k|² (a score's expected size), far closer than a plain
   * uniform sample of the same size (README, "How it recommends").
   */
  moments(members: readonly MemberQuery[]): Moments[] {
    // A catalog no larger than the sample costs no more to scan whole.
    if (this.space.items <= (this.space.sampleSize ?? MOMENT_SAMPLE)) return members.map((m) => this.exactMoments(m));
    const out: Moments[] = [];
    const byGrid = new Map<number, number[]>();
    members.forEach((m, i) => byGrid.set(m.g, [...(byGrid.get(m.g) ?? []), i]));
    for (const [g, ids] of byGrid) {
      const mu = this.meanVector(g);
      const d = this.divisor(g);
      const { items, weights } = this.momentSample(g);
      const dots = dotBlock(
        ids.map((i) => members[i]!.q),
        this.space.vectors,
        this.space.stride,
        items,
      );
      ids.forEach((i, row) => {
        const m = members[i]!;
        let mean = 0;
        for (let j = 0; j < mu.length; j++) mean += m.q[j]! * mu[j]!;
        const own = new Set([...m.likes, ...m.dislikes]);
        let sq = 0;
        for (const k of own) sq += (this.score(m, k) - mean) ** 2;
        for (let s = 0; s < items.length; s++) {
          const k = items[s]!;
          if (!own.has(k)) sq += weights[s]! * (dots[row * items.length + s]! / d[k]! - mean) ** 2;
        }
        out[i] = { mean, sd: Math.sqrt(Math.max(sq / this.space.items, 1e-12)) };
      });
    }
    return out;
  }

  /** Systematic sampling (evenly spaced points of the cumulative distribution): fixed for a model, and less variance than independent draws. */
  private momentSample(g: number): MomentSample {
    let sample = this.samples.get(g);
    if (!sample) {
      const { items: n, stride, vectors } = this.space;
      const draws = Math.min(this.space.sampleSize ?? MOMENT_SAMPLE, n);
      if (!this.lengths) {
        const lengths = new Float64Array(n);
        for (let k = 0; k < n; k++) for (let j = 0, p = k * stride; j < stride; j++, p++) lengths[k] = lengths[k]! + vectors[p]! ** 2;
        this.lengths = lengths;
      }
      const d = this.divisor(g);
      const p = Float64Array.from(this.lengths, (l, k) => l / d[k]! ** 2);
      const total = p.reduce((a, b) => a + b, 0);
      const items: number[] = [];
      const weights: number[] = [];
      let cumulative = 0;
      let next = 0.5;
      for (let k = 0; k < n && next < draws; k++) {
        const pk = p[k]! / total;
        cumulative += pk * draws;
        let count = 0;
        while (next < cumulative && next < draws) {
          count++;
          next++;
        }
        if (count > 0) {
          items.push(k);
          weights.push(count / (draws * pk));
        }
      }
      sample = { items: Int32Array.from(items), weights: Float64Array.from(weights) };
      this.samples.set(g, sample);
    }
    return sample;
  }

  private divisor(g: number): Float64Array {
    let d = this.divisors.get(g);
    if (!d) {
      const { items: n, norms, scale } = this.space;
      d = new Float64Array(n);
      for (let k = 0; k < n; k++) d[k] = norms[g * n + k]! * scale[k]!;
      this.divisors.set(g, d);
    }
    return d;
  }

  /** μ_g = mean over all items of V_k / divisor_g[k], so that a member's mean score is q·μ_g. */
  private meanVector(g: number): Float64Array {
    let mu = this.means.get(g);
    if (!mu) {
      const { items: n, stride, vectors } = this.space;
      const d = this.divisor(g);
      mu = new Float64Array(stride);
      for (let k = 0; k < n; k++) {
        const w = 1 / (n * d[k]!);
        for (let j = 0, p = k * stride; j < stride; j++, p++) mu[j] = mu[j]! + w * vectors[p]!;
      }
      this.means.set(g, mu);
    }
    return mu;
  }
}
