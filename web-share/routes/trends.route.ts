import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { SharePages } from '../share-pages.ts';
import { pageOr404, sendCard, sendPage } from './send-page.ts';

/** `/s/:slug`: a server's taste trends; `/s/:slug/card.png`: its link preview. A page its admins turned off is a 404. */
export function registerTrendsRoutes(app: FastifyInstance, pages: SharePages, hot: RouteShorthandOptions): void {
  app.get<{ Params: { slug: string } }>('/s/:slug', hot, (request, reply) =>
    pageOr404(request, reply, pages.trendsPage(request.params.slug), (page) => sendPage(request, reply, page)),
  );
  app.get<{ Params: { slug: string } }>('/s/:slug/card.png', hot, (request, reply) =>
    pageOr404(request, reply, pages.trendsPage(request.params.slug), (page) => sendCard(reply, page)),
  );
}
