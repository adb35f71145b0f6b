import { STATUS_CODES } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import { Metrics, type Logger } from '../core/index.ts';
import type { HealthProbe } from './health.ts';
import { WebMetrics } from './metrics.ts';
import { clientAddress, clientErrorHandler, countRequest } from './plugins/early-errors.ts';
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
  const https = (share?.publicUrl ?? '').startsWith('https:');
  const trustProxy = options.trustProxy ?? false;
  const security = securityHeaders(https);
  const assets = SITE_ASSETS;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify waits forever by default; a slow client must not hold a socket.
    requestTimeout: 10_000,
    connectionTimeout: 10_000,
    bodyLimit: 64 * 1024,
    trustProxy,
    // Per-request lines would drown the logs of a busy share site; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // A URL that cannot be routed (bad percent-encoding, an over-long parameter): answered like any error, and counted.
    frameworkErrors: (err, request, reply) => void answerUnroutable(request, reply, err.statusCode ?? 400),
    // A request Node's parser rejects (headers too large, malformed): the same, written on the raw socket.
    clientErrorHandler: clientErrorHandler({
      app: () => app,
      securityHeaders: security.headers,
      trustProxy,
      page: (status) => errorPage(status, assets),
      answered: (status, seconds) => web.record('(malformed request)', status, seconds),
    }),
  });

  await registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT);
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
    // Our own 429 message says when to retry; any other error's message may quote the request (a header, the body).
    return sendError(request, reply, status, assets, err.code === 'RATE_LIMITED' ? err.message : undefined);
  });
  // The rate limit runs on the 404 handler too: guessing slugs costs requests like anything else.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    reply.headers(security.headers);
    return sendError(request, reply, 404, assets);
  });

  async function answerUnroutable(request: FastifyRequest, reply: FastifyReply, status: number): Promise<void> {
    reply.headers(security.headers);
    try {
      const limit = await countRequest(app, clientAddress(request.raw, trustProxy));
      reply.headers(limit.headers);
      if (limit.limited) status = 429;
    } catch (err) {
      request.log.warn({ err }, 'rate limit unavailable for an unroutable URL');
    }
    sendError(request, reply, status, assets);
    // No hook runs for these (there is no route), so no onResponse either.
    web.record('(unroutable url)', status, reply.elapsedTime / 1000);
  }

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

/**
 * A friendly HTML page for people; JSON for clients that ask for it
 * (monitoring, scripts). Neither ever quotes the request.
 */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, assets: LayoutAssets, message = publicMessage(status)): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  const accept = request.headers.accept ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) return reply.send({ error: message });
  return reply.type('text/html; charset=utf-8').send(errorPage(status, assets));
}

function publicMessage(status: number): string {
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; slow down.';
  if (status >= 500) return 'Something went wrong on our side.';
  return `${STATUS_CODES[status] ?? 'Bad Request'}.`;
}
