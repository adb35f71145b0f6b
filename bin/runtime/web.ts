import { JOB_NAMES, type Config, type Logger } from '../../core/index.ts';
import { BullmqQueue } from '../../core/wiring.ts';
import { buildWebApp, noPosters, tmdbPosters, type HealthProbe } from '../../web-share/index.ts';
import type { Product } from './product.ts';

/**
 * Starts the web server; returns its public base URL and a closer. With the
 * product it serves the share and trends pages, dropping cached pages when
 * this process's use cases write (pages of writes made by other processes
 * expire within the page cache's TTL; revoked links within a second).
 */
export async function startWeb(config: Config, logger: Logger, health: HealthProbe, product?: Product) {
  const jobs = product?.jobs;
  // The web process reports the queues' depth (one reporter: scraping every process would count each job once per process).
  if (product && jobs?.counts) product.metrics.watchQueues(() => jobs.counts!());
  const app = await buildWebApp({
    metrics: product?.metrics,
    admin: { token: config.adminToken, queues: jobs instanceof BullmqQueue ? JOB_NAMES.map((name) => jobs.queue(name)) : [] },
    logger,
    health,
    share: product && {
      deps: { ...product.deps, sharedLists: product.share.sharedLists },
      publicUrl: config.publicUrl,
      inviteUrl: config.inviteUrl,
      changes: product.changes,
      posters: config.tmdbApiKey ? tmdbPosters({ apiKey: config.tmdbApiKey, logger }) : noPosters,
    },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { url: `http://localhost:${port}`, port, close: () => app.close() };
}
