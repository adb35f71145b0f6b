/**
 * Drops (invalidations) a cache outage kept from being applied, by id (a
 * person or a community). The fail-soft caches treat a pending id's entry as
 * stale — a miss, and nothing stored over it — until {@link flush} applies
 * the drop; past `max` the oldest is forgotten (its entry expires by TTL).
 */
export class PendingDrops {
  private readonly ids = new Set<number>();
  private flushing: Promise<void> | undefined;

  constructor(
    /** Applies a remembered drop in full. */
    private readonly apply: (id: number) => Promise<void>,
    private readonly options: { max: number; onRecovered?: (ids: number[]) => void },
  ) {}

  has(id: number): boolean {
    return this.ids.has(id);
  }

  get all(): readonly number[] {
    return [...this.ids];
  }

  /** Runs `drop`; if it fails the id is remembered and `{ err }` returned, otherwise null. */
  async attempt(id: number, drop: () => Promise<void>): Promise<{ err: unknown } | null> {
    try {
      await drop();
      this.ids.delete(id);
      return null;
    } catch (err) {
      this.ids.delete(id);
      this.ids.add(id);
      if (this.ids.size > this.options.max) this.ids.delete(this.ids.values().next().value!);
      return { err };
    }
  }

  /** Applies the remembered drops; the ones that fail again stay pending. */
  flush(): Promise<void> {
    if (this.ids.size === 0) return Promise.resolve();
    this.flushing ??= (async () => {
      const recovered: number[] = [];
      try {
        for (const id of [...this.ids]) {
          await this.apply(id);
          this.ids.delete(id);
          recovered.push(id);
        }
      } catch {
        // Still down: the rest stay pending.
      } finally {
        this.flushing = undefined;
      }
      if (recovered.length) this.options.onRecovered?.(recovered);
    })();
    return this.flushing;
  }
}
