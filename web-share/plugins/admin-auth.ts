import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { LruCache } from '../../core/index.ts';

export interface AdminAuthOptions {
  /** ADMIN_TOKEN. */
  token: string;
  /** Where the session cookie is sent (the admin pages' path). */
  path: string;
  /** The site is served over https (PUBLIC_URL): the cookie is Secure. Requests that arrive over https get a Secure cookie anyway. */
  https: boolean;
  /** Failed logins one address may make per window before it is refused (429) until the window has passed. */
  maxFailures?: number;
  failureWindowMs?: number;
  /** How long a browser login lasts. */
  sessionMs?: number;
  now?: () => number;
}

export const ADMIN_COOKIE = 'moviebot_admin';

/**
 * The admin pages' gate, an onRequest hook: `Authorization: Bearer <token>`
 * for scripts; for a browser, `?token=` once, answered with an HttpOnly,
 * SameSite=Strict session cookie (signed with the token, so changing
 * ADMIN_TOKEN ends every session) and a redirect that drops the token from
 * the address bar and history. Failed attempts are counted per address:
 * past the limit every attempt is refused until the window has passed.
 */
export function adminAuth(options: AdminAuthOptions): onRequestAsyncHookHandler {
  const now = options.now ?? Date.now;
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.failureWindowMs ?? 15 * 60_000;
  const sessionMs = options.sessionMs ?? 12 * 3_600_000;
  const failures = new LruCache<string, number>(10_000, windowMs, now);
  const expected = digest(options.token);
  const isToken = (candidate: string) => timingSafeEqual(digest(candidate), expected);
  const sign = (expires: number) => createHmac('sha256', options.token).update(`moviebot-admin-session:${expires}`).digest('base64url');

  /** A wrong credential counts against the address; a missing one (a first visit) does not. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, wrong = true) => {
    if (wrong) failures.set(request.ip, (failures.get(request.ip) ?? 0) + 1);
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="moviebot admin"')
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(`Admin token required: open ${options.path}?token=… once in the browser, or send Authorization: Bearer ….\n`);
  };

  return async (request, reply) => {
    if ((failures.get(request.ip) ?? 0) >= maxFailures) {
      return reply
        .code(429)
        .header('retry-after', String(Math.ceil(windowMs / 1000)))
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('Too many failed logins from this address; try again later.\n');
    }
    const url = new URL(request.url, 'http://admin.invalid');
    const login = url.searchParams.get('token');
    if (login !== null) {
      if (!isToken(login)) return refuse(request, reply);
      const expires = now() + sessionMs;
      const secure = options.https || request.protocol === 'https';
      const cookie = [
        `${ADMIN_COOKIE}=${expires}.${sign(expires)}`,
        `Path=${options.path}`,
        `Max-Age=${Math.floor(sessionMs / 1000)}`,
        'HttpOnly',
        'SameSite=Strict',
        ...(secure ? ['Secure'] : []),
      ].join('; ');
      url.searchParams.delete('token');
      return reply
        .header('set-cookie', cookie)
        .header('cache-control', 'no-store')
        .redirect(url.pathname + url.search, 303);
    }
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      if (bearer === undefined || !isToken(bearer)) return refuse(request, reply);
      return;
    }
    const session = cookieValue(request.headers.cookie, ADMIN_COOKIE);
    if (session === undefined) return refuse(request, reply, false);
    const [expires, signature] = session.split('.');
    const until = Number(expires);
    if (!signature || !Number.isSafeInteger(until) || until <= now() || !sameText(signature, sign(until))) return refuse(request, reply);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function sameText(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
