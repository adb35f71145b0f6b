import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LayoutAssets } from '../views/layout.ts';
import { FAVICON_SVG } from '../views/layout.ts';
import { STYLES } from '../views/styles.ts';

/** The stylesheet under a content-hashed name (cached for a year), the icon, robots.txt. */
export function registerAssetRoutes(app: FastifyInstance): LayoutAssets {
  const css = Buffer.from(STYLES.trim());
  const stylesheet = `/assets/site.${createHash('sha1').update(css).digest('hex').slice(0, 10)}.css`;
  const noLimit = { config: { rateLimit: false } };
  app.get(stylesheet, noLimit, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(css),
  );
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, noLimit, (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG));
  }
  app.get('/robots.txt', noLimit, (_request, reply) => reply.type('text/plain').send('User-agent: *\nAllow: /\n'));
  return { stylesheet, favicon: '/favicon.svg' };
}
