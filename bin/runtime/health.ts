import type { Redis } from 'ioredis';
import { withDeadline } from '../../core/index.ts';
import { createRepositories, pingRedis, type Database } from '../../core/wiring.ts';
import type { HealthProbe, HealthReport } from '../../web-share/index.ts';
import type { MoviesSource } from './movie-source.ts';
import { VERSION } from './version.ts';

/**
 * How long the probe waits for the database. An unreachable one must read as
 * down (503) within 2 s, not hang the probe with the query.
 */
export const HEALTH_DEADLINE_MS = 1_500;

/** Builds `/healthz`'s probe from what this process has connected; `movies` says where the films come from (default MovieLens alone). */
export function healthProbe(deps: { database: Database; redis: Redis | undefined; bots: () => Record<string, string>; movies?: MoviesSource }): HealthProbe {
  const catalog = createRepositories(deps.database.db).catalog;
  return async (): Promise<HealthReport> => {
    const [stats, redisOk] = await Promise.all([
      withDeadline(catalog.stats(), HEALTH_DEADLINE_MS, 'health check').catch(() => null),
      deps.redis ? pingRedis(deps.redis) : Promise.resolve(undefined),
    ]);
    return {
      ok: stats !== null && redisOk !== false,
      version: VERSION,
      node: process.version,
      uptimeSeconds: Math.round(process.uptime()),
      storage: { kind: deps.database.kind, connected: stats !== null },
      redis: redisOk === undefined ? 'not configured' : { connected: redisOk },
      catalog: stats,
      movies: deps.movies ?? 'MovieLens',
      bots: deps.bots(),
    };
  };
}
