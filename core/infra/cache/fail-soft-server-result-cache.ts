import type { Logger } from '../../logger.ts';
import type { ReadyGroupPick, ReadyTrends, ServerResult, ServerResultCache } from '../../domain/ports/server-result.cache.ts';
import type { Recommender } from '../../domain/recommender/types.ts';
import { PendingDrops } from './pending-drops.ts';

/** Token handed out while the cache is unreachable: a result made with it is never stored. */
const NO_TOKEN = -1;

export interface FailSoftServerResultOptions {
  logger: Logger;
  /** Communities whose dropped invalidation was finally applied: their results should be remade. */
  onRecovered?: (communityIds: number[]) => void;
  /** At most this many pending invalidations are kept; past it the oldest is forgotten (its entry expires by TTL). */
  maxPending?: number;
}

/**
 * Keeps server answers working while the shared cache (Redis) is down: a
 * read that fails is a miss (the pick is made on the spot), a result that
 * cannot be stored is dropped, and an invalidation that fails is
 * remembered. Until it is applied this process treats that community's
 * entry as stale (a miss, and no store over it); it is retried on the next
 * cache call or {@link flush} (e.g. when Redis is ready again).
 */
export class FailSoftServerResultCache implements ServerResultCache {
  private readonly pending: PendingDrops;

  constructor(
    private readonly inner: ServerResultCache,
    private readonly options: FailSoftServerResultOptions,
  ) {
    this.pending = new PendingDrops((communityId) => inner.invalidate(communityId), { max: options.maxPending ?? 10_000, onRecovered: options.onRecovered });
  }

  getPick(communityId: number, model: Recommender): Promise<ReadyGroupPick | null> {
    return this.read(communityId, () => this.inner.getPick(communityId, model));
  }

  getTrends(communityId: number): Promise<ReadyTrends | null> {
    return this.read(communityId, () => this.inner.getTrends(communityId));
  }

  async token(communityId: number): Promise<number> {
    await this.flush();
    if (this.pending.has(communityId)) return NO_TOKEN;
    try {
      return await this.inner.token(communityId);
    } catch {
      return NO_TOKEN;
    }
  }

  async set(communityId: number, result: ServerResult, token: number): Promise<void> {
    if (token === NO_TOKEN || this.pending.has(communityId)) return;
    try {
      await this.inner.set(communityId, result, token);
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, communityId }, 'could not store a server result');
    }
  }

  markStale(communityId: number): Promise<void> {
    return this.drop(communityId, () => this.inner.markStale(communityId));
  }

  invalidate(communityId: number): Promise<void> {
    return this.drop(communityId, () => this.inner.invalidate(communityId));
  }

  /** A drop that fails is remembered and later applied in full (invalidate): nothing made before it is served meanwhile. */
  private async drop(communityId: number, apply: () => Promise<void>): Promise<void> {
    const failed = await this.pending.attempt(communityId, apply);
    if (failed) this.options.logger.warn({ err: (failed.err as Error).message, communityId }, 'server result not dropped yet: will retry');
  }

  /** Applies the invalidations that failed; the ones that fail again stay pending. */
  flush(): Promise<void> {
    return this.pending.flush();
  }

  private async read<T>(communityId: number, get: () => Promise<T | null>): Promise<T | null> {
    await this.flush();
    if (this.pending.has(communityId)) return null;
    try {
      return await get();
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message, communityId }, 'server result unavailable: computing on the spot');
      return null;
    }
  }
}
