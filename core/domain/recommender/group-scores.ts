/** A member folded in: item k scores q·V_k / (norm_g[k]·s_k), `g` being the member's λ grid point. */
export interface MemberQuery {
  q: Float64Array;
  g: number;
  /** Items the member liked or disliked: their scores are the largest in size, so they are summed, not sampled. */
  likes: readonly number[];
  dislikes: readonly number[];
}

/**
 * How far off an estimated sd may be (README, "How it recommends"): a member whose
 * z-score is this close to the misery threshold gets their exact moments
 * before they rule an item out or let it through.
 */
const SD_MARGIN = 0.05;
/** Exact moments (a scan of every item) made at most this often per pick; past it, estimates decide. */
const MAX_EXACT = 8;

export interface Moments {
  mean: number;
  sd: number;
  /** Over every item, not estimated. */
  exact?: boolean;
}

/** What a group pick needs of the model to score its members (GroupShortlist). */
export interface MemberScores {
  /** The member's score of item k: q·V_k / divisor_g[k]. */
  score(m: MemberQuery, k: number): number;
  /** Σ_g Q_g·V_k / divisor_g[k] for per-grid-point queries Q_g. */
  scoreSum(queries: ReadonlyMap<number, Float64Array>, k: number): number;
  /** A member's mean and sd over every item. */
  exactMoments(m: MemberQuery): Moments;
}

/** The group's (weighted) mean z-score of an item, and each member's z-score on demand. */
export class GroupScores {
  /** Σ of w_m·q_m / (sd_m·Σw) over the members at each λ grid point (w_m = 1 unless weighted). */
  private readonly queries = new Map<number, Float64Array>();
  private readonly offset: number;

  /** Refinements left for this pick. */
  private exactLeft = MAX_EXACT;

  /** @param weights - how much each member counts in the group's mean (all 1 by default: the plain mean). */
  constructor(
    private readonly model: MemberScores,
    readonly members: readonly MemberQuery[],
    private readonly moments: Moments[],
    weights?: readonly number[],
  ) {
    let offset = 0;
    const total = weights ? weights.reduce((a, b) => a + b, 0) : members.length;
    members.forEach(({ q, g }, m) => {
      const { mean, sd } = moments[m]!;
      const w = (weights?.[m] ?? 1) / (sd * total);
      let sum = this.queries.get(g);
      if (!sum) this.queries.set(g, (sum = new Float64Array(q.length)));
      for (let j = 0; j < q.length; j++) sum[j] = sum[j]! + w * q[j]!;
      offset += mean * w;
    });
    this.offset = offset;
  }

  /** The leading dimensions of Σ_g Q_g: the index's vectors are normalised at one λ, so this ranks close to {@link combined}. */
  indexQuery(dimensions: number): Float32Array {
    const out = new Float32Array(dimensions);
    for (const q of this.queries.values()) for (let j = 0; j < dimensions; j++) out[j] = out[j]! + q[j]!;
    return out;
  }

  combined(k: number): number {
    return this.model.scoreSum(this.queries, k) - this.offset;
  }

  z(m: number, k: number): number {
    const { mean, sd } = this.moments[m]!;
    return (this.model.score(this.members[m]!, k) - mean) / sd;
  }

  /**
   * Member m's z-score of item k, exact if the estimate is too close to
   * `threshold` to tell which side it is on. The group average keeps the
   * estimate (a few percent of one member's weight do not move it).
   */
  zAgainst(m: number, k: number, threshold: number): number {
    const z = this.z(m, k);
    const low = Math.min(z * (1 - SD_MARGIN), z * (1 + SD_MARGIN));
    const high = Math.max(z * (1 - SD_MARGIN), z * (1 + SD_MARGIN));
    if (low >= threshold || high < threshold || this.moments[m]!.exact || this.exactLeft === 0) return z;
    this.exactLeft--;
    this.moments[m] = this.model.exactMoments(this.members[m]!);
    return this.z(m, k);
  }
}

/** Whether some member would hate an item, checked lazily and remembered. */
export class Misery {
  private readonly known = new Map<number, boolean>();
  /** Members checked in this order; whoever hated the last item goes first (they often hate the next). */
  private readonly order: number[];

  constructor(
    private readonly group: GroupScores,
    private readonly threshold: number,
  ) {
    this.order = group.members.map((_, m) => m);
  }

  of(k: number): boolean {
    const cached = this.known.get(k);
    if (cached !== undefined) return cached;
    let hated = false;
    for (let p = 0; p < this.order.length; p++) {
      const m = this.order[p]!;
      if (this.group.zAgainst(m, k, this.threshold) < this.threshold) {
        this.order.splice(p, 1);
        this.order.unshift(m);
        hated = true;
        break;
      }
    }
    this.known.set(k, hated);
    return hated;
  }
}

/** aggregateGroup's fair turns, scoring a member's candidates only when it is their turn; `lift` is a discover bias (none when empty). */
export function fairTurns(
  group: GroupScores,
  misery: Misery,
  candidates: readonly number[],
  combined: ReadonlyMap<number, number>,
  k: number,
  lift: ReadonlyMap<number, number> = new Map(),
): { index: number; score: number }[] {
  const taken = new Set<number>();
  const satisfaction = group.members.map(() => 0);
  const zs = new Map<number, Float64Array>();
  const out: { index: number; score: number }[] = [];
  while (out.length < k) {
    const who = satisfaction.indexOf(Math.min(...satisfaction));
    let z = zs.get(who);
    if (!z) zs.set(who, (z = Float64Array.from(candidates, (i) => group.z(who, i))));
    const own = z;
    const ranked = candidates
      .map((i, c) => ({ i, score: own[c]! + (lift.get(i) ?? 0) + 0.5 * combined.get(i)! }))
      .filter(({ i }) => !taken.has(i))
      .sort((a, b) => b.score - a.score);
    if (ranked.length === 0) break;
    // The best nobody hates, else the best (aggregateGroup's −1e6 penalty).
    const best = (ranked.find(({ i }) => !misery.of(i)) ?? ranked[0]!).i;
    taken.add(best);
    satisfaction.forEach((s, m) => (satisfaction[m] = s + group.z(m, best)));
    out.push({ index: best, score: combined.get(best)! });
  }
  return out;
}
