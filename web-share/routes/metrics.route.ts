import type { FastifyInstance } from 'fastify';
import type { WebMetrics } from '../metrics.ts';
import type { SharePages } from '../share-pages.ts';

/** Prometheus scrape endpoint: requests and latencies by route, page-cache hits. */
export function registerMetricsRoute(app: FastifyInstance, metrics: WebMetrics, pages: SharePages | null): void {
  app.get('/metrics', { config: { rateLimit: false } }, (_request, reply) => {
    const cache = pages?.cacheStats ?? { hits: 0, misses: 0, entries: 0 };
    const body = metrics.render({
      moviebot_web_page_cache_hits_total: { help: 'Share and trends pages served from memory.', value: cache.hits, type: 'counter' },
      moviebot_web_page_cache_misses_total: { help: 'Share and trends pages rendered.', value: cache.misses, type: 'counter' },
      moviebot_web_page_cache_entries: { help: 'Pages held in memory.', value: cache.entries },
      process_resident_memory_bytes: { help: 'Resident memory of the process.', value: process.memoryUsage.rss() },
    });
    return reply.type('text/plain; version=0.0.4').header('cache-control', 'no-store').send(body);
  });
}
