import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../core/index.ts';

/** Prometheus scrape endpoint: this process's registry (web requests, page cache, jobs, recommend latency, queue depth, Node's process metrics). */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.get('/metrics', { config: { rateLimit: false } }, async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}
