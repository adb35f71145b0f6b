/**
 * Requests that fail before any route or hook of ours runs, answered like
 * every other error: the security headers, a generic page that never quotes
 * the request, and one request counted against the address's rate limit (an
 * address already limited gets 429 for these too).
 *
 * Two levels: a URL Fastify cannot route (bad percent-encoding, a parameter
 * longer than `maxParamLength`) reaches `frameworkErrors` with a request and
 * a reply; a request Node's HTTP parser rejects (header section over
 * `maxHeaderSize` — a URL too long for it included —, malformed syntax, a
 * request not received within `requestTimeout`) only reaches the server's
 * `clientError` with the raw socket, where a minimal response is written.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The address the rate limit counts a request against: the socket's, or with a trusted proxy the client it names (as Fastify's `request.ip`). */
export function clientAddress(raw: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? String(raw.headers['x-forwarded-for'] ?? '') : '';
  // The leftmost address: the client, when every proxy is trusted (`trustProxy: true`).
  if (forwarded) return forwarded.split(',')[0]!.trim();
  return raw.socket.remoteAddress;
}

export interface LimitVerdict {
  limited: boolean;
  /** The X-RateLimit-* headers, and Retry-After when limited. */
  headers: Record<string, string>;
}

/** Counts one request from `address` against the global rate limit (the @fastify/rate-limit store every route uses). */
export async function countRequest(app: FastifyInstance, address: string | undefined): Promise<LimitVerdict> {
  if (address === undefined) return { limited: false, headers: {} };
  // @fastify/rate-limit keys by `req.ip` and reads the route's config for a group id; an early error has no route.
  const verdict = await app.createRateLimit()({ ip: address, routeOptions: {} } as FastifyRequest);
  if (verdict.isAllowed) return { limited: false, headers: {} };
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(verdict.max),
    'x-ratelimit-remaining': String(verdict.remaining),
    'x-ratelimit-reset': String(verdict.ttlInSeconds),
  };
  if (verdict.isExceeded) headers['retry-after'] = String(verdict.ttlInSeconds);
  return { limited: verdict.isExceeded, headers };
}

/** Status for an error Node's HTTP parser reports on a connection (the codes Node itself answers with). */
function statusOfClientError(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

export interface ClientErrorOptions {
  app: () => FastifyInstance;
  securityHeaders: Record<string, string>;
  /** Behind a proxy the socket is the proxy's, and the headers naming the client were never parsed: nothing is counted. */
  trustProxy: boolean;
  page: (status: number) => string;
  /** For the metrics: called once the response is written. */
  answered: (status: number, seconds: number) => void;
}

/** The server's `clientError` handler (Fastify's `clientErrorHandler` option). */
export function clientErrorHandler(options: ClientErrorOptions): (err: NodeJS.ErrnoException, socket: Socket) => void {
  // Bytes arriving after a parse error fail again: one answer per connection.
  const answering = new WeakSet<Socket>();
  return (err, socket) => {
    if (answering.has(socket)) return;
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    // Node's own rule: never cut into a response already being written on this connection.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (inFlight?.headersSent) return void socket.destroy();
    answering.add(socket);
    const started = performance.now();
    const app = options.app();
    app.log.debug({ code: err.code }, 'malformed request');
    countRequest(app, options.trustProxy ? undefined : socket.remoteAddress)
      .catch((countError: unknown) => {
        app.log.warn({ err: countError }, 'rate limit unavailable for a malformed request');
        return { limited: false, headers: {} } satisfies LimitVerdict;
      })
      .then((limit) => {
        if (!socket.writable) return void socket.destroy();
        const status = limit.limited ? 429 : statusOfClientError(err.code);
        const body = options.page(status);
        const headers = { ...options.securityHeaders, ...limit.headers, 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' };
        socket.end(rawResponse(status, headers, body), () => socket.destroy());
        options.answered(status, (performance.now() - started) / 1000);
      })
      .catch((answerError: unknown) => {
        app.log.error({ err: answerError }, 'could not answer a malformed request');
        socket.destroy();
      });
  };
}

/** One whole HTTP/1.1 response, closing the connection: the parser that failed cannot read another request on it. */
function rawResponse(status: number, headers: Record<string, string>, body: string): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`];
  for (const [name, value] of Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }))
    lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
