import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { SharePages } from '../share-pages.ts';
import { sendCard, sendPage } from './send-page.ts';

/** `/s/:slug`: a server's taste trends; `/s/:slug/card.png`: its link preview. A page its admins turned off is a 404. */
export function registerTrendsRoutes(app: FastifyInstance, pages: SharePages, hot: RouteShorthandOptions): void {
  app.get<{ Params: { slug: string } }>('/s/:slug', hot, async (request, reply) => {
    const page = await pages.trendsPage(request.params.slug);
    return page ? sendPage(request, reply, page) : reply.callNotFound();
  });
  app.get<{ Params: { slug: string } }>('/s/:slug/card.png', hot, async (request, reply) => {
    const page = await pages.trendsPage(request.params.slug);
    return page ? sendCard(reply, page) : reply.callNotFound();
  });
}
