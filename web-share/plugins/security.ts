import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

export interface RateLimitOptions {
  /** Requests per IP per window, on every route including the 404 handler. */
  max: number;
  timeWindowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, timeWindowMs: 60_000 };

/**
 * Strict CSP (no script at all, styles and images from here only, plus TMDB
 * posters), the other helmet headers, and a per-IP rate limit that also
 * covers the 404 handler, so share slugs cannot be guessed by brute force.
 */
export async function registerSecurity(app: FastifyInstance, opts: { rateLimit: RateLimitOptions; https: boolean }): Promise<void> {
  await app.register(helmet, {
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
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Link previews are fetched by Discord's and Telegram's servers and shown through their proxies.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: opts.https,
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimit.max,
    timeWindow: opts.rateLimit.timeWindowMs,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `Too many requests; retry in ${context.after}.` }),
  });
}
