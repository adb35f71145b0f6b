import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from '../core/index.ts';
import type { HealthProbe } from './health.ts';
import { registerHealthRoute } from './routes/healthz.route.ts';

export interface WebAppOptions {
  logger: Logger;
  health: HealthProbe;
}

/** The public web server: share pages, trends pages and operational routes. */
export function buildWebApp({ logger, health }: WebAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify waits forever by default; a slow client must not hold a socket.
    requestTimeout: 10_000,
    connectionTimeout: 10_000,
    bodyLimit: 64 * 1024,
    // Per-request lines would drown the logs of a busy share site; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err, url: request.url }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'Something went wrong on our side.' : err.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'Not found.' }));

  registerHealthRoute(app, health);
  return app;
}
