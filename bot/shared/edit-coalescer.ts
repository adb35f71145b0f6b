/**
 * Coalesces edits of busy messages (a movie night's votes): the first change
 * of a key is edited at once, later ones at most once per `intervalMs`, and
 * the last edit always runs after the last change, so the message ends
 * exact. Edits of one key never overlap; each edit reads the state afresh.
 * Platforms limit edits of one message (Discord about 5 per 5 s per
 * channel, Telegram about 1 per second per chat): one per interval stays
 * inside them however many people click.
 */
export class EditCoalescer<K> {
  private readonly keys = new Map<K, { dirty: boolean; timer: NodeJS.Timeout | null; running: Promise<void> | null; last: number }>();
  /** Edits done so far (for benches and tests). */
  edits = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly edit: (key: K) => Promise<void>,
    private readonly onError: (err: unknown, key: K) => void,
  ) {}

  /** Something about `key` changed: its message will be edited soon. */
  touch(key: K): void {
    const entry = this.keys.get(key) ?? { dirty: false, timer: null, running: null, last: 0 };
    this.keys.set(key, entry);
    entry.dirty = true;
    if (entry.timer || entry.running) return;
    this.schedule(key, entry);
  }

  /** Runs every pending edit now (shutdown, tests); resolves when none is left. */
  async flush(): Promise<void> {
    for (;;) {
      const pending = [...this.keys].filter(([, e]) => e.dirty || e.running);
      if (pending.length === 0) return;
      await Promise.all(
        pending.map(([key, e]) => {
          if (e.timer) clearTimeout(e.timer);
          e.timer = null;
          return e.running ?? this.run(key, e);
        }),
      );
    }
  }

  private schedule(key: K, entry: { dirty: boolean; timer: NodeJS.Timeout | null; last: number }): void {
    const wait = Math.max(0, entry.last + this.intervalMs - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.run(key, this.keys.get(key)!);
    }, wait);
    entry.timer.unref?.();
  }

  private run(key: K, entry: { dirty: boolean; timer: NodeJS.Timeout | null; running: Promise<void> | null; last: number }): Promise<void> {
    entry.dirty = false;
    entry.last = Date.now();
    this.edits++;
    entry.running = this.edit(key)
      .catch((err: unknown) => this.onError(err, key))
      .finally(() => {
        entry.running = null;
        if (entry.dirty) this.schedule(key, entry);
        else this.keys.delete(key);
      });
    return entry.running;
  }
}
