import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANSWER_DEADLINE_MS, withDeadline } from '../../core/index.ts';
import type { RenderedPage } from '../share-pages.ts';

type Found = RenderedPage | null | Promise<RenderedPage | null>;

/**
 * Answers with the page, or the 404 handler; without a promise when the page is in memory (the hot path).
 * A page not built within the deadline (the database may be unreachable) is the error page, not a hang.
 */
export function pageOr404(request: FastifyRequest, reply: FastifyReply, found: Found, send: (page: RenderedPage) => FastifyReply | Promise<FastifyReply>) {
  if (found instanceof Promise)
    return withDeadline(found, ANSWER_DEADLINE_MS, `page ${request.url}`).then((page) => (page ? send(page) : reply.callNotFound()));
  return found ? send(found) : reply.callNotFound();
}

/** Sends a cached page: 304 when the browser has it, gzip when it takes it. Never stored by shared caches past a revoke. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage): FastifyReply {
  reply.header('etag', page.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  reply.type('text/html; charset=utf-8');
  if (request.headers['accept-encoding']?.includes('gzip')) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

/** The preview image: immutable for as long as the page is, so a short public cache is fine. */
export async function sendCard(reply: FastifyReply, page: RenderedPage): Promise<FastifyReply> {
  const png = await page.card();
  return reply.type('image/png').header('cache-control', 'public, max-age=300').send(png);
}
