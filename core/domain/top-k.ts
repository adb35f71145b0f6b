/** An entry kept by {@link TopK}: an index (item row, title row) and its score. */
export interface Ranked {
  index: number;
  score: number;
}

/**
 * The k best (index, score) pairs offered so far, in any order: higher score
 * first, equal scores to the lower index. A binary heap whose root is the
 * worst kept entry, in typed arrays, so a broad query (every title with
 * "the", every item of a catalog) costs O(n log k) with no allocation per
 * candidate, and most candidates are turned away by one comparison with the root.
 *
 * The one top-k of the project: the recommender's picks ({@link topK}), the
 * scan index's shortlists ({@link bestIndices}) and title search use it.
 */
export class TopK {
  /** How many entries are kept now (≤ k). */
  private size = 0;
  private readonly indices: Int32Array;
  private readonly scores: Float64Array;

  constructor(readonly k: number) {
    const capacity = Math.max(0, Math.floor(k));
    this.indices = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Whether a candidate with this score and index would be kept now (NaN never is once k are kept). */
  accepts(score: number, index: number): boolean {
    if (this.size < this.indices.length) return true;
    if (this.size === 0) return false;
    return ranksBelow(this.scores[0]!, this.indices[0]!, score, index);
  }

  /**
   * The score a candidate must at least reach to be kept: the worst kept
   * score once k are kept, −∞ before. A scan skips what falls below it with
   * one comparison.
   */
  floor(): number {
    return this.full ? this.scores[0]! : -Infinity;
  }

  /** Whether k entries are kept (never, for k = 0). */
  get full(): boolean {
    return this.size > 0 && this.size === this.indices.length;
  }

  /** Offers a candidate: it is kept if it beats the worst of the k kept (or fewer than k are kept). */
  offer(index: number, score: number): void {
    if (this.size < this.indices.length) {
      this.siftUp(this.size++, index, score);
    } else if (this.accepts(score, index)) {
      this.siftDown(0, index, score);
    }
  }

  /** The kept entries, best first; the heap is emptied. */
  sorted(): Ranked[] {
    const out: Ranked[] = new Array<Ranked>(this.size);
    while (this.size > 0) out[this.size - 1] = this.popWorst();
    return out;
  }

  /** The kept indices, best first; the heap is emptied. */
  sortedIndices(): Int32Array {
    const out = new Int32Array(this.size);
    while (this.size > 0) out[this.size - 1] = this.popWorst().index;
    return out;
  }

  private popWorst(): Ranked {
    const { indices, scores } = this;
    const worst = { index: indices[0]!, score: scores[0]! };
    const last = --this.size;
    if (last > 0) this.siftDown(0, indices[last]!, scores[last]!);
    return worst;
  }

  /** Places (index, score) at `slot` or above it, moving better parents down. */
  private siftUp(slot: number, index: number, score: number): void {
    const { indices, scores } = this;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      // The entry rises while it is worse than its parent: the root is the worst.
      if (!ranksBelow(score, index, scores[parent]!, indices[parent]!)) break;
      indices[slot] = indices[parent]!;
      scores[slot] = scores[parent]!;
      slot = parent;
    }
    indices[slot] = index;
    scores[slot] = score;
  }

  /** Places (index, score) at `slot` or below it, moving worse children up. */
  private siftDown(slot: number, index: number, score: number): void {
    const { indices, scores, size } = this;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= size) break;
      // The worse child: scores compared first, indices read only on a tie.
      let child = left;
      let childScore = scores[left]!;
      const right = left + 1;
      if (right < size) {
        const rightScore = scores[right]!;
        if (rightScore < childScore || (rightScore === childScore && indices[right]! > indices[left]!)) {
          child = right;
          childScore = rightScore;
        }
      }
      if (!(childScore < score || (childScore === score && indices[child]! > index))) break;
      indices[slot] = indices[child]!;
      scores[slot] = childScore;
      slot = child;
    }
    indices[slot] = index;
    scores[slot] = score;
  }
}

/** Whether (scoreA, indexA) ranks below (scoreB, indexB): a lower score, or the same score at a higher index. */
function ranksBelow(scoreA: number, indexA: number, scoreB: number, indexB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && indexA > indexB);
}

/**
 * The k best (index, score) pairs of a score array, best first (equal scores
 * in index order), skipping excluded indices and NaN. `among` limits the scan
 * to those indices: the same answer as a full scan when every other entry is
 * −∞ and `among` holds k pickable scores.
 */
export function topK(scores: ArrayLike<number>, k: number, excluded: ReadonlySet<number>, among?: ArrayLike<number>): Ranked[] {
  const top = new TopK(k);
  const count = among ? among.length : scores.length;
  let floor = -Infinity;
  for (let c = 0; c < count; c++) {
    const index = among ? among[c]! : c;
    const score = scores[index]!;
    // The cheap test first: most entries of a long array fall below the floor.
    if (score < floor || !top.accepts(score, index) || Number.isNaN(score) || excluded.has(index)) continue;
    top.offer(index, score);
    floor = top.floor();
  }
  return top.sorted();
}

/** Scores sampled by {@link bestIndices} to set its floor. */
const SAMPLE = 256;

/**
 * The indices of the k largest of scores[0 … n−1], largest first; equal
 * scores in index order. For a long array (a whole catalog's shortlist
 * scores): a sample of the scores sets a floor that about 1.5k of them reach,
 * so most are turned away by one comparison and few reach the heap; should
 * fewer than k reach it, the scan is redone without a floor.
 */
export function bestIndices(scores: ArrayLike<number>, n: number, k: number): Int32Array {
  const size = Math.max(0, Math.min(k, n));
  const sampled = sampledFloor(scores, n, size);
  const top = keepBest(scores, n, size, sampled);
  return top.full || sampled === -Infinity ? top.sortedIndices() : keepBest(scores, n, size, -Infinity).sortedIndices();
}

/** A score that about 1.5 × `size` of scores[0 … n−1] reach, from an even sample; −∞ when the sample is too small to tell. */
function sampledFloor(scores: ArrayLike<number>, n: number, size: number): number {
  const step = Math.floor(n / SAMPLE);
  if (step <= 1 || size === 0) return -Infinity;
  const sample = new Float64Array(Math.ceil(n / step));
  for (let i = 0, s = 0; s < sample.length; i += step, s++) sample[s] = scores[i]!;
  sample.sort();
  const reach = Math.ceil((1.5 * size) / step);
  return reach <= sample.length ? sample[sample.length - reach]! : -Infinity;
}

/** A {@link TopK} of `size` offered every score from `floor` up. */
function keepBest(scores: ArrayLike<number>, n: number, size: number, floor: number): TopK {
  const top = new TopK(size);
  let bar = floor;
  for (let index = 0; index < n; index++) {
    const score = scores[index]!;
    if (score < bar) continue;
    top.offer(index, score);
    if (top.full) bar = top.floor();
  }
  return top;
}
