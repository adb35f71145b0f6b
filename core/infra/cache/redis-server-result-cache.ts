import type { Redis } from 'ioredis';
import type { ReadyGroupPick, ReadyTrends, ServerResult, ServerResultCache } from '../../domain/ports/server-result.cache.ts';
import type { Recommender } from '../../domain/recommender/types.ts';

/** Stores the trends (and the pick, when given) only if no invalidation happened since the token was taken. */
const SET_IF_CURRENT = `
if (redis.call('GET', KEYS[3]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4])
if ARGV[3] ~= '' then redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4]) end
return 1`;

type Tally = [movieId: number, likes: number, dislikes: number];

/**
 * Ready server results shared by every process (REDIS_URL): workers write
 * them, bots and the web site read them. A pick names the model version it
 * was made with, so after a rollout an old pick is a miss. Postgres stays
 * the source of truth: a lost or expired entry only costs a recompute.
 */
export class RedisServerResultCache implements ServerResultCache {
  constructor(
    private readonly redis: Redis,
    /** The served model's version, e.g. from the ModelHolder. */
    private readonly versionOf: (model: Recommender) => string,
    private readonly options: { prefix?: string; ttlSeconds?: number } = {},
  ) {}

  private keys(communityId: number): [pick: string, trends: string, generation: string] {
    const prefix = this.options.prefix ?? 'moviebot:ready';
    return [`${prefix}:server-pick:${communityId}`, `${prefix}:server-trends:${communityId}`, `${prefix}:server-gen:${communityId}`];
  }

  async getPick(communityId: number, model: Recommender): Promise<ReadyGroupPick | null> {
    const raw = await this.redis.get(this.keys(communityId)[0]);
    if (!raw) return null;
    const entry = JSON.parse(raw) as { version: string; picks: [number, number, number | null][]; memberIds: number[]; memberCount: number };
    if (entry.version !== this.versionOf(model)) return null;
    const picks = entry.picks.map(([movieId, score, because]) => ({ movieId, score, because }));
    return { picks, memberIds: entry.memberIds, memberCount: entry.memberCount };
  }

  async getTrends(communityId: number): Promise<ReadyTrends | null> {
    const raw = await this.redis.get(this.keys(communityId)[1]);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Omit<ReadyTrends, 'mostLiked' | 'mostDivisive' | 'hiddenGems'> &
      Record<'mostLiked' | 'mostDivisive' | 'hiddenGems', Tally[]>;
    const tallies = (list: Tally[]) => list.map(([movieId, likes, dislikes]) => ({ movieId, likes, dislikes }));
    return { ...entry, mostLiked: tallies(entry.mostLiked), mostDivisive: tallies(entry.mostDivisive), hiddenGems: tallies(entry.hiddenGems) };
  }

  async token(communityId: number): Promise<number> {
    return Number((await this.redis.get(this.keys(communityId)[2])) ?? 0);
  }

  async set(communityId: number, result: ServerResult, token: number): Promise<void> {
    const tallies = (list: ReadyTrends['mostLiked']): Tally[] => list.map((t) => [t.movieId, t.likes, t.dislikes]);
    const { trends, pick } = result;
    const trendsValue = JSON.stringify({
      ...trends,
      mostLiked: tallies(trends.mostLiked),
      mostDivisive: tallies(trends.mostDivisive),
      hiddenGems: tallies(trends.hiddenGems),
    });
    const pickValue = pick
      ? JSON.stringify({
          version: this.versionOf(pick.model),
          picks: pick.value.picks.map((p) => [p.movieId, p.score, p.because]),
          memberIds: pick.value.memberIds,
          memberCount: pick.value.memberCount,
        })
      : '';
    const ttl = String(this.options.ttlSeconds ?? 3_600);
    await this.redis.eval(SET_IF_CURRENT, 3, ...this.keys(communityId), String(token), trendsValue, pickValue, ttl);
  }

  async markStale(communityId: number): Promise<void> {
    // The pick key keeps its own TTL: a stale pick is never kept alive past it.
    const [, trends, generation] = this.keys(communityId);
    await this.redis
      .multi()
      .incr(generation)
      .expire(generation, 7 * 24 * 3_600)
      .del(trends)
      .exec();
  }

  async invalidate(communityId: number): Promise<void> {
    const [pick, trends, generation] = this.keys(communityId);
    await this.redis
      .multi()
      .incr(generation)
      .expire(generation, 7 * 24 * 3_600)
      .del(pick, trends)
      .exec();
  }
}
