import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import { Metrics, type Logger } from '../core/index.ts';
import type { HealthProbe } from './health.ts';
import { WebMetrics } from './metrics.ts';
import { DEFAULT_RATE_LIMIT, registerRateLimit, securityHeaders, type RateLimitOptions } from './plugins/security.ts';
import { registerAssetRoutes, SITE_ASSETS } from './routes/assets.route.ts';
import { registerHealthRoute } from './routes/healthz.route.ts';
import { registerListRoutes } from './routes/list.route.ts';
import { registerMetricsRoute } from './routes/metrics.route.ts';
import { registerQueueDashboard } from './routes/queues-dashboard.route.ts';
import { registerTrendsRoutes } from './routes/trends.route.ts';
import { SharePages, type ShareSiteOptions } from './share-pages.ts';
import type { LayoutAssets } from './views/layout.ts';
import { errorPage, homePage } from './views/pages.view.ts';

export interface WebAppOptions {
  logger: Logger;
  health: HealthProbe;
  /** The share and trends pages; without it the server answers only /, /healthz and /metrics. */
  share?: ShareSiteOptions;
  rateLimit?: RateLimitOptions;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (the rate limit is per address). */
  trustProxy?: boolean;
  /** The process's metrics registry, served on /metrics with the web server's own; a fresh one when not given. */
  metrics?: Metrics;
  /** The queue dashboard (bull-board) under /admin/queues: on when a token is set; the BullMQ queues it shows. */
  admin?: { token: string | undefined; queues: readonly Queue[] };
}

/** The public web server: share pages, trends pages and operational routes. */
export async function buildWebApp(options: WebAppOptions): Promise<FastifyInstance> {
  const { logger, health, share } = options;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify waits forever by default; a slow client must not hold a socket.
    requestTimeout: 10_000,
    connectionTimeout: 10_000,
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Per-request lines would drown the logs of a busy share site; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });

  const https = (share?.publicUrl ?? '').startsWith('https:');
  await registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const security = securityHeaders(https);

  const assets = SITE_ASSETS;
  const pages = share ? new SharePages(share, assets) : null;
  const metrics = options.metrics ?? new Metrics();
  const web = new WebMetrics(metrics.registry, () => pages?.cacheStats ?? null);
  app.addHook('onResponse', (request, reply, done) => {
    web.record(request.routeOptions.url ?? '(not found)', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.addHook('onClose', async () => pages?.close());

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err, url: request.url }, 'request failed');
    reply.headers(security.headers);
    return sendError(request, reply, status, assets, status >= 500 ? 'Something went wrong on our side.' : err.message);
  });
  // The rate limit runs on the 404 handler too: guessing slugs costs requests like anything else.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    reply.headers(security.headers);
    return sendError(request, reply, 404, assets, 'Not found.');
  });

  if (pages) {
    registerListRoutes(app, pages, security.hotRoute);
    registerTrendsRoutes(app, pages, security.hotRoute);
  }
  const home = homePage(share?.inviteUrl ?? null, assets);
  await app.register(async (scope) => {
    await security.registerHelmet(scope);
    scope.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(home));
    registerAssetRoutes(scope);
    registerHealthRoute(scope, health);
    registerMetricsRoute(scope, metrics);
  });
  await registerQueueDashboard(app, { token: options.admin?.token, queues: options.admin?.queues ?? [], https });
  return app;
}

/** A friendly HTML page for people; JSON for clients that ask for it (monitoring, scripts). */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, assets: LayoutAssets, message: string): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  const accept = request.headers.accept ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) return reply.send({ error: message });
  return reply.type('text/html; charset=utf-8').send(errorPage(status, assets));
}
