/**
 * Keeps the k best (score, row) pairs seen so far in a binary heap whose
 * root is the worst kept one, so a broad query ("the") costs O(n log k)
 * instead of sorting thousands of candidates. Equal scores go to the lower
 * row (rows are ordered best-known first).
 */

export interface Ranked {
  row: number;
  score: number;
}

/** Whether a ranks below b. */
function worse(a: Ranked, b: Ranked): boolean {
  return a.score < b.score || (a.score === b.score && a.row > b.row);
}

export class TopK {
  private readonly heap: Ranked[] = [];

  constructor(private readonly k: number) {}

  /** Whether a candidate with this score and row would be kept now. */
  accepts(score: number, row: number): boolean {
    const root = this.heap[0];
    if (this.heap.length < this.k || !root) return this.k > 0;
    return root.score < score || (root.score === score && root.row > row);
  }

  /** Offers a candidate; it is kept if it beats the worst of the k kept. */
  offer(row: number, score: number): void {
    const { heap } = this;
    if (heap.length < this.k) {
      heap.push({ row, score });
      this.up(heap.length - 1);
      return;
    }
    // Checked before allocating: most candidates of a broad query lose here.
    if (this.accepts(score, row)) {
      heap[0] = { row, score };
      this.down(0);
    }
  }

  /** The kept entries, best first. */
  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.row - b.row);
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < heap.length && worse(heap[child]!, heap[worst]!)) worst = child;
      }
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}
