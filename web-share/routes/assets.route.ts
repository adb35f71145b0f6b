import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LayoutAssets } from '../views/layout.ts';
import { FAVICON_SVG } from '../views/layout.ts';
import { STYLES } from '../views/styles.ts';

const css = Buffer.from(STYLES.trim());

/** Where the pages find the stylesheet (content-hashed, so it can be cached for a year) and the icon. */
export const SITE_ASSETS: LayoutAssets = {
  stylesheet: `/assets/site.${createHash('sha1').update(css).digest('hex').slice(0, 10)}.css`,
  favicon: '/favicon.svg',
};

/** The stylesheet, the icon, robots.txt. */
export function registerAssetRoutes(app: FastifyInstance): void {
  const { stylesheet } = SITE_ASSETS;
  const noLimit = { config: { rateLimit: false } };
  app.get(stylesheet, noLimit, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(css),
  );
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, noLimit, (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG));
  }
  app.get('/robots.txt', noLimit, (_request, reply) => reply.type('text/plain').send('User-agent: *\nAllow: /\n'));
}
