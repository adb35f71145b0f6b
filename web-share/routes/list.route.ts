import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { SharePages } from '../share-pages.ts';
import { sendCard, sendPage } from './send-page.ts';

/** `/l/:slug`: a person's shared list; `/l/:slug/card.png`: its link preview. Unknown and revoked slugs are 404s. */
export function registerListRoutes(app: FastifyInstance, pages: SharePages, hot: RouteShorthandOptions): void {
  app.get<{ Params: { slug: string } }>('/l/:slug', hot, async (request, reply) => {
    const page = await pages.list(request.params.slug);
    return page ? sendPage(request, reply, page) : reply.callNotFound();
  });
  app.get<{ Params: { slug: string } }>('/l/:slug/card.png', hot, async (request, reply) => {
    const page = await pages.list(request.params.slug);
    return page ? sendCard(reply, page) : reply.callNotFound();
  });
}
