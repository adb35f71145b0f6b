/**
 * Gathers items for a few milliseconds (or until `maxSize` are waiting) and
 * runs them as one batch; each {@link add} settles with its batch. The
 * recompute-user processor hands each job's person to one, so a worker reads
 * Postgres once, writes Redis once and folds in up to `maxSize` people
 * together, while each job stays one person (BullMQ's debounce, retries and
 * metrics are per person as before).
 */
export class MicroBatcher<T> {
  private items: T[] = [];
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (items: T[]) => Promise<void>,
    private readonly options: { maxSize: number; maxWaitMs: number },
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.items.push(item);
      this.waiters.push({ resolve, reject });
      if (this.items.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { items, waiters } = this;
    this.items = [];
    this.waiters = [];
    void this.settle(items, waiters);
  }

  private async settle(items: T[], waiters: MicroBatcher<T>['waiters']): Promise<void> {
    try {
      await this.run(items);
      waiters.forEach((w) => w.resolve());
    } catch (err) {
      if (items.length === 1) return waiters[0]!.reject(err);
      // One bad item must not fail its neighbours' jobs (nor theirs keep failing it on every retry):
      // each is tried alone and settles with its own outcome.
      await Promise.all(items.map((item, i) => this.run([item]).then(waiters[i]!.resolve, waiters[i]!.reject)));
    }
  }
}
