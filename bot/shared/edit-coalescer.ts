/**
 * Coalesces edits of busy messages (a movie night's votes): the first change
 * of a key is edited at once, later ones at most once per `intervalMs`, and
 * the last edit always runs after the last change, so the message ends
 * exact. Edits of one key never overlap; each edit reads the state afresh.
 * Platforms limit edits of one message (Discord about 5 per 5 s per
 * channel, Telegram about 1 per second per chat): one per interval stays
 * inside them however many people click.
 */
type Entry = {
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  last: number;
  /** After an edit with nothing pending, the key is kept one interval (its `last` still holds), then forgotten. */
  idle: NodeJS.Timeout | null;
};

export class EditCoalescer<K> {
  private readonly keys = new Map<K, Entry>();
  /** Edits done so far (for benches and tests). */
  edits = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly edit: (key: K) => Promise<void>,
    private readonly onError: (err: unknown, key: K) => void,
  ) {}

  /** Something about `key` changed: its message will be edited soon. */
  touch(key: K): void {
    const entry = this.keys.get(key) ?? { dirty: false, timer: null, running: null, last: 0, idle: null };
    this.keys.set(key, entry);
    if (entry.idle) clearTimeout(entry.idle);
    entry.idle = null;
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

  private schedule(key: K, entry: Entry): void {
    const wait = Math.max(0, entry.last + this.intervalMs - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.run(key, this.keys.get(key)!);
    }, wait);
    entry.timer.unref?.();
  }

  private run(key: K, entry: Entry): Promise<void> {
    entry.dirty = false;
    entry.last = Date.now();
    this.edits++;
    entry.running = this.edit(key)
      .catch((err: unknown) => this.onError(err, key))
      .finally(() => {
        entry.running = null;
        if (entry.dirty) return this.schedule(key, entry);
        // Forgetting the key now would let a change a moment later edit at once, inside the interval.
        entry.idle = setTimeout(() => {
          if (this.keys.get(key) === entry && !entry.dirty && !entry.running && !entry.timer) this.keys.delete(key);
        }, this.intervalMs);
        entry.idle.unref?.();
      });
    return entry.running;
  }
}
