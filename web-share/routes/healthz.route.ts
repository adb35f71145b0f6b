import type { FastifyInstance } from 'fastify';
import type { HealthProbe } from '../health.ts';

/** 200 with what is connected, or 503 when the database is unreachable. */
export function registerHealthRoute(app: FastifyInstance, probe: HealthProbe): void {
  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    const report = await probe();
    return reply
      .code(report.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
}
