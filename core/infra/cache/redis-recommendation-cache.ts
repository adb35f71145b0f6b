import type { Redis } from 'ioredis';
import type { ReadyListWrite, RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import type { Recommendation, Recommender } from '../../domain/recommender/types.ts';

/** Stores the list only if no invalidation happened since the token was taken (atomic in Redis). */
const SET_IF_CURRENT = `
if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/**
 * Ready lists shared by every process (REDIS_URL): workers write them, bots
 * read them. An entry names the model version it was made with, so after a
 * rollout an old list is a miss. Postgres stays the source of truth: a
 * lost or expired entry only costs a fold-in.
 */
export class RedisRecommendationCache implements RecommendationCache {
  constructor(
    private readonly redis: Redis,
    /** The served model's version, e.g. from the ModelHolder. */
    private readonly versionOf: (model: Recommender) => string,
    private readonly options: { prefix?: string; ttlSeconds?: number } = {},
  ) {}

  private key(userId: number): [list: string, generation: string] {
    const prefix = this.options.prefix ?? 'moviebot:ready';
    return [`${prefix}:list:${userId}`, `${prefix}:gen:${userId}`];
  }

  async get(userId: number, model: Recommender): Promise<Recommendation[] | null> {
    const raw = await this.redis.get(this.key(userId)[0]);
    if (!raw) return null;
    const entry = JSON.parse(raw) as { version: string; picks: [number, number, number | null][] };
    if (entry.version !== this.versionOf(model)) return null;
    return entry.picks.map(([movieId, score, because]) => ({ movieId, score, because }));
  }

  async token(userId: number): Promise<number> {
    return Number((await this.redis.get(this.key(userId)[1])) ?? 0);
  }

  async set(userId: number, model: Recommender, picks: Recommendation[], token: number): Promise<void> {
    await this.redis.eval(SET_IF_CURRENT, 2, ...this.key(userId), String(token), this.entry(model, picks), String(this.options.ttlSeconds ?? 3_600));
  }

  async tokens(userIds: readonly number[]): Promise<number[]> {
    if (userIds.length === 0) return [];
    const values = await this.redis.mget(userIds.map((id) => this.key(id)[1]));
    return values.map((v) => Number(v ?? 0));
  }

  /** One pipeline: the compare-and-set runs per list in Redis, so a stale token refuses only its own list. */
  async setMany(model: Recommender, lists: readonly ReadyListWrite[]): Promise<void> {
    if (lists.length === 0) return;
    const ttl = String(this.options.ttlSeconds ?? 3_600);
    const pipeline = this.redis.pipeline();
    for (const { userId, picks, token } of lists) pipeline.eval(SET_IF_CURRENT, 2, ...this.key(userId), String(token), this.entry(model, picks), ttl);
    const failed = (await pipeline.exec())?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  private entry(model: Recommender, picks: Recommendation[]): string {
    return JSON.stringify({ version: this.versionOf(model), picks: picks.map((p) => [p.movieId, p.score, p.because]) });
  }

  async invalidate(userId: number): Promise<void> {
    const [list, generation] = this.key(userId);
    await this.redis
      .multi()
      .incr(generation)
      .expire(generation, 7 * 24 * 3_600)
      .del(list)
      .exec();
  }
}
