import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { SharePages } from '../share-pages.ts';
import { pageOr404, sendCard, sendPage } from './send-page.ts';

/** `/l/:slug`: a person's shared list; `/l/:slug/card.png`: its link preview. Unknown and revoked slugs are 404s. */
export function registerListRoutes(app: FastifyInstance, pages: SharePages, hot: RouteShorthandOptions): void {
  app.get<{ Params: { slug: string } }>('/l/:slug', hot, (request, reply) =>
    pageOr404(request, reply, pages.list(request.params.slug), (page) => sendPage(request, reply, page)),
  );
  app.get<{ Params: { slug: string } }>('/l/:slug/card.png', hot, (request, reply) =>
    pageOr404(request, reply, pages.list(request.params.slug), (page) => sendCard(reply, page)),
  );
}
