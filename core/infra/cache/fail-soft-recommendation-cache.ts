import type { Logger } from '../../logger.ts';
import type { ReadyListWrite, RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import type { Recommendation, Recommender } from '../../domain/recommender/types.ts';
import { PendingDrops } from './pending-drops.ts';

/** Token handed out while the cache is unreachable: a list made with it is never stored. */
const NO_TOKEN = -1;

export interface FailSoftOptions {
  logger: Logger;
  /** People whose dropped invalidation was finally applied: their list should be remade (e.g. enqueue a recompute). */
  onRecovered?: (userIds: number[]) => void;
  /** At most this many pending invalidations are kept; past it the oldest is forgotten (its list expires by TTL). */
  maxPending?: number;
}

/**
 * Keeps answers and writes working while the shared cache (Redis) is down:
 * a read that fails is a miss (the answer folds in on the spot), a list that
 * cannot be stored is dropped, and an invalidation that fails is remembered.
 * Until it is applied, this process treats that person's list as stale
 * (a miss, and no store over it), and it is retried on the next cache call
 * or {@link flush} (e.g. when Redis is ready again). So a 👍 taken during an
 * outage is acknowledged (it is in Postgres) and the list made before it is
 * never served afterwards.
 */
export class FailSoftRecommendationCache implements RecommendationCache {
  private readonly pending: PendingDrops;

  constructor(
    private readonly inner: RecommendationCache,
    private readonly options: FailSoftOptions,
  ) {
    this.pending = new PendingDrops((userId) => inner.invalidate(userId), {
      max: options.maxPending ?? 100_000,
      onRecovered: (userIds) => {
        options.logger.info({ users: userIds.length }, 'dropped ready lists made stale during a cache outage');
        options.onRecovered?.(userIds);
      },
    });
  }

  /** People whose invalidation has not reached the cache yet. */
  get stale(): readonly number[] {
    return this.pending.all;
  }

  async get(userId: number, model: Recommender): Promise<Recommendation[] | null> {
    await this.flush();
    if (this.pending.has(userId)) return null;
    try {
      return await this.inner.get(userId, model);
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, userId }, 'ready list unavailable: folding in');
      return null;
    }
  }

  async token(userId: number): Promise<number> {
    await this.flush();
    if (this.pending.has(userId)) return NO_TOKEN;
    try {
      return await this.inner.token(userId);
    } catch {
      return NO_TOKEN;
    }
  }

  async set(userId: number, model: Recommender, picks: Recommendation[], token: number): Promise<void> {
    if (token === NO_TOKEN || this.pending.has(userId)) return;
    try {
      await this.inner.set(userId, model, picks, token);
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, userId }, 'could not store a ready list');
    }
  }

  async tokens(userIds: readonly number[]): Promise<number[]> {
    await this.flush();
    try {
      const tokens = await this.inner.tokens(userIds);
      return tokens.map((token, i) => (this.pending.has(userIds[i]!) ? NO_TOKEN : token));
    } catch {
      return userIds.map(() => NO_TOKEN);
    }
  }

  async setMany(model: Recommender, lists: readonly ReadyListWrite[]): Promise<void> {
    const storable = lists.filter((l) => l.token !== NO_TOKEN && !this.pending.has(l.userId));
    if (storable.length === 0) return;
    try {
      await this.inner.setMany(model, storable);
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, users: storable.length }, 'could not store ready lists');
    }
  }

  async invalidate(userId: number): Promise<void> {
    const failed = await this.pending.attempt(userId, () => this.inner.invalidate(userId));
    if (failed) this.options.logger.warn({ err: (failed.err as Error).message, userId }, 'ready list not dropped yet: will retry');
  }

  /** Applies the invalidations that failed; the ones that fail again stay pending. */
  flush(): Promise<void> {
    return this.pending.flush();
  }
}
