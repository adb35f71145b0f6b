/**
 * A bounded map with a time-to-live, plus per-key generations so a read that
 * started before an invalidation cannot store what it read afterwards.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly generations = new Map<K, number>();
  /** Bumped by {@link clear}, so reads in flight across a clear are not stored either. */
  private epoch = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    // Re-inserted last: Map keeps insertion order, so the first key is the least recently used.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** A token to pass to {@link setIfCurrent}, taken before reading the source of truth. */
  generation(key: K): number {
    return this.epoch * 1e9 + (this.generations.get(key) ?? 0);
  }

  set(key: K, value: V): void {
    this.setIfCurrent(key, value, this.generation(key));
  }

  /** Stores the value unless the key was invalidated since `generation` was taken. */
  setIfCurrent(key: K, value: V, generation: number): void {
    if (this.generation(key) !== generation) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(key: K): void {
    this.entries.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    // Generations only matter while a read is in flight; keep the map bounded too.
    if (this.generations.size > this.maxEntries) this.generations.delete(this.generations.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.epoch++;
  }

  /** The cached value, or the loaded one (stored unless invalidated meanwhile). */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation(key);
    const value = await load();
    this.setIfCurrent(key, value, generation);
    return value;
  }
}
