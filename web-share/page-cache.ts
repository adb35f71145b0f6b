/**
 * Rendered pages in memory, keyed by slug. An entry lives until its TTL, or
 * until a write to what it shows drops it (by tag: `u:<userId>`,
 * `c:<communityId>`). Independently of that, whether the slug is still live
 * is re-checked at most every `livenessMs`, so a link revoked by another
 * process answers 404 within that time, and at once when revoked here.
 */
export interface PageCacheOptions {
  maxEntries: number;
  ttlMs: number;
  livenessMs: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  expires: number;
  checkedAt: number;
  tags: readonly string[];
}

export interface Loader<T> {
  /** Builds the value and names what it depends on; null when the slug is unknown or off. */
  load(): Promise<{ value: T; tags: readonly string[]; ttlMs?: number } | null>;
  /** Whether a cached value may still be shown (the link is not revoked, the page not turned off). */
  stillLive(value: T): Promise<boolean>;
}

export class PageCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, Promise<T | null>>();
  /** Bumped by every invalidation: a load that started before one must not store its possibly stale result. */
  private epoch = 0;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value when fresh and live, else a new load (concurrent callers share one). */
  get(key: string, loader: Loader<T>): T | null | Promise<T | null> {
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now < entry.expires) {
      if (now - entry.checkedAt < this.options.livenessMs) {
        this.hits++;
        return entry.value;
      }
      return this.once(`live:${key}`, async () => {
        if (await loader.stillLive(entry.value)) {
          entry.checkedAt = this.now();
          this.hits++;
          return entry.value;
        }
        this.drop(key);
        return null;
      });
    }
    return this.once(key, async () => {
      this.misses++;
      const epoch = this.epoch;
      const loaded = await loader.load();
      if (!loaded) return null;
      if (epoch === this.epoch) this.store(key, loaded.value, loaded.tags, loaded.ttlMs ?? this.options.ttlMs);
      return loaded.value;
    });
  }

  /** Drops every page that depends on the tag. */
  invalidate(tag: string): void {
    this.epoch++;
    const keys = this.byTag.get(tag);
    if (!keys) return;
    for (const key of [...keys]) this.drop(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.byTag.clear();
  }

  private store(key: string, value: T, tags: readonly string[], ttlMs: number): void {
    this.drop(key);
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: the oldest entry goes first.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    const now = this.now();
    this.entries.set(key, { value, expires: now + ttlMs, checkedAt: now, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  private once(key: string, run: () => Promise<T | null>): Promise<T | null> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const promise = run().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }
}
