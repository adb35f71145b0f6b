import type { Redis } from 'ioredis';
import { createRepositories, pingRedis, type Database } from '../../core/index.ts';
import type { HealthProbe, HealthReport } from '../../web-share/index.ts';
import { VERSION } from './version.ts';

/** Builds `/healthz`'s probe from what this process has connected. */
export function healthProbe(deps: {
  database: Database;
  redis: Redis | undefined;
  bots: () => Record<string, string>;
}): HealthProbe {
  const catalog = createRepositories(deps.database.db).catalog;
  return async (): Promise<HealthReport> => {
    const [stats, redisOk] = await Promise.all([
      catalog.stats().catch(() => null),
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
      bots: deps.bots(),
    };
  };
}
