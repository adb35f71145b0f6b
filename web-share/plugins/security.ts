import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import helmet from 'helmet';

export interface RateLimitOptions {
  /** Requests per IP per window, on every route including the 404 handler. */
  max: number;
  timeWindowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, timeWindowMs: 60_000 };

/** Strict CSP: no script at all, styles and images from here only, plus TMDB posters. */
export function helmetOptions(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'https://image.tmdb.org'],
        fontSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Link previews are fetched by Discord's and Telegram's servers and shown through their proxies.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: https,
  };
}

/**
 * The queue dashboard's CSP (only under /admin/queues): bull-board's UI is a
 * script bundle served from there, with inline styles, a <base> element,
 * Google Fonts and API calls back to the same origin.
 */
export function dashboardHelmetOptions(https: boolean): FastifyHelmetOptions {
  const options = helmetOptions(https);
  return {
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
        fontSrc: ["'self'", 'https://fonts.gstatic.com'],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}

/** The headers helmet sets for these options, computed once. */
function helmetHeaders(options: FastifyHelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => {},
  };
  helmet(options as Parameters<typeof helmet>[0])({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
}

/** Per-IP rate limit on every route and, through `app.rateLimit()`, the 404 handler: share slugs cannot be guessed by brute force. */
export async function registerRateLimit(app: FastifyInstance, limit: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `Too many requests; retry in ${context.after}.` }),
  });
}

/**
 * The security headers, two ways from one set of options: @fastify/helmet
 * for the routes registered in `scope` (home, assets, health, metrics), and
 * helmet's same headers computed once for the hot page routes, the 404 and
 * error pages, because @fastify/helmet runs two hooks and rebuilds helmet's
 * middleware on every request, which is most of a cached page's cost.
 */
export function securityHeaders(https: boolean) {
  const options = helmetOptions(https);
  const headers = helmetHeaders(options);
  return {
    headers,
    /** Route options of a hot route: the precomputed headers, no per-request helmet. */
    hotRoute: {
      onRequest: (_request, reply, done) => {
        reply.headers(headers);
        done();
      },
    } satisfies RouteShorthandOptions,
    registerHelmet: (scope: FastifyInstance) => scope.register(fastifyHelmet, options),
  };
}
