/**
 * Requests that fail before any route runs — a URL Fastify cannot route, a
 * request Node's HTTP parser rejects — are answered like every other error:
 * the same security headers, a page that never quotes the request, and one
 * request counted against the address's rate limit.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { series } from '../test/support/prometheus.ts';
import { silentLogger } from '../test/support/databases.ts';
import { buildWebApp } from './app.ts';
import { securityHeadersOf, testHealth, webFixture, type WebFixture } from './testing/fixture.ts';

/** A string no page of ours contains: if it is in a response, the response echoed the request. */
const ECHO = 'EchoedBack';

describe('a URL Fastify cannot route', () => {
  let f: WebFixture;
  let reference: Record<string, unknown>;
  let clients = 0;
  beforeAll(async () => {
    f = await webFixture({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
    reference = securityHeadersOf((await f.app.inject({ url: '/', remoteAddress: '10.8.0.1' })).headers);
  });
  afterAll(() => f?.close());

  it.each([
    ['a lone %', `/%${ECHO}`, 400, 'Bad Request.'],
    ['a bad escape in a slug', `/l/%zz${ECHO}`, 400, 'Bad Request.'],
    ['a 5 KB URL with a bad escape', `/${ECHO.repeat(500)}%`, 400, 'Bad Request.'],
    ['a slug over maxParamLength', `/l/${ECHO.repeat(11)}`, 414, 'URI Too Long.'],
    ['a 5 KB trends slug', `/s/${ECHO.repeat(500)}`, 414, 'URI Too Long.'],
  ])('%s: the friendly page with the security headers, never the URL', async (_label, url, status, message) => {
    const remoteAddress = `10.8.1.${++clients}`;
    const page = await f.app.inject({ url, remoteAddress });
    expect(page.statusCode).toBe(status);
    expect(securityHeadersOf(page.headers)).toEqual(reference);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('That did not work');
    expect(page.body).not.toContain(ECHO);

    const json = await f.app.inject({ url, remoteAddress, headers: { accept: 'application/json' } });
    expect(json.json()).toEqual({ error: message });
    expect(securityHeadersOf(json.headers)).toEqual(reference);
  });

  it('they count against the rate limit, and an address already limited gets 429 for them too', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await f.app.inject({ url: `/%${i}`, remoteAddress: '10.8.2.1' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429, 429]);
    // They used up the address's budget for real pages as well.
    expect((await f.app.inject({ url: `/l/${f.listSlug}`, remoteAddress: '10.8.2.1' })).statusCode).toBe(429);

    for (let i = 0; i < 5; i++) expect((await f.app.inject({ url: `/l/${f.listSlug}`, remoteAddress: '10.8.2.2' })).statusCode).toBe(200);
    for (const url of [`/%${ECHO}`, `/l/${ECHO.repeat(11)}`]) {
      const limited = await f.app.inject({ url, remoteAddress: '10.8.2.2' });
      expect(limited.statusCode, url).toBe(429);
      expect(limited.body).toContain('Slow down a little');
      expect(limited.body).not.toContain(ECHO);
      expect(limited.headers['retry-after']).toBeDefined();
      expect(securityHeadersOf(limited.headers)).toEqual(reference);
    }
  });

  it('operators see them in /metrics', async () => {
    await f.app.inject({ url: '/%', remoteAddress: '10.8.3.1' });
    const metrics = (await f.app.inject({ url: '/metrics' })).body;
    expect(series(metrics, 'moviebot_web_requests_total', { route: '(unroutable url)', status: '400' })).toBeGreaterThan(0);
  });
});

describe('behind a trusted proxy', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildWebApp({ logger: silentLogger, health: testHealth, trustProxy: true, rateLimit: { max: 2, timeWindowMs: 60_000 } });
  });
  afterAll(() => app?.close());

  it('an unroutable URL counts against the client the proxy names, not the proxy', async () => {
    const via = (client: string) => ({ url: '/%', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': `${client}, 10.0.0.1` } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await app.inject(via('203.0.113.7'))).statusCode);
    expect(codes).toEqual([400, 400, 429]);
    expect((await app.inject(via('198.51.100.9'))).statusCode).toBe(400);
    expect((await app.inject({ url: '/nothing', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } })).statusCode).toBe(429);
  });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `request` as is on a fresh connection and reads the response until the server closes it. */
function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    // The server may close before it has read all of an oversized request: what it sent still counts.
    socket.on('error', () => {});
    socket.on('close', () => {
      const split = received.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no HTTP response, got ${JSON.stringify(received.slice(0, 200))}`));
      const [statusLine, ...lines] = received.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: received.slice(split + 4) });
    });
  });
}

describe('a request Node’s HTTP parser rejects (real sockets)', () => {
  let app: FastifyInstance;
  let port: number;
  let reference: Record<string, unknown>;
  beforeAll(async () => {
    app = await buildWebApp({ logger: silentLogger, health: testHealth, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
    reference = securityHeadersOf((await app.inject({ url: '/', remoteAddress: '10.9.0.1' })).headers);
  });
  afterAll(() => app?.close());

  const expectFriendly = (res: RawResponse, status: number) => {
    expect(res.status).toBe(status);
    expect(securityHeadersOf(res.headers)).toEqual(reference);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.connection).toBe('close');
    expect(Buffer.byteLength(res.body)).toBe(Number(res.headers['content-length']));
    expect(res.body).toContain('<!doctype html>');
    expect(res.body).not.toContain(ECHO);
  };

  it('headers over maxHeaderSize, a URL too long for it, or a malformed request: the friendly page with the headers, counted', async () => {
    // Each is one request from 127.0.0.1 against a budget of 3.
    expectFriendly(await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${ECHO.repeat(2000)}\r\n\r\n`), 431);
    expectFriendly(await rawRequest(port, `GET /${ECHO.repeat(2000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431);
    expectFriendly(await rawRequest(port, `BREW /${ECHO} HTTP/1.1\r\nHost: x\r\n\r\n`), 400);

    // The address is now limited: the next malformed request is a 429, and so is a real page.
    const limited = await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${ECHO.repeat(2000)}\r\n\r\n`);
    expectFriendly(limited, 429);
    expect(limited.body).toContain('Slow down a little');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-limit']).toBe('3');
    expectFriendly(await rawRequest(port, `\x00\x01 nonsense\r\n\r\n`), 429);
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(429);

    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(series(metrics, 'moviebot_web_requests_total', { route: '(malformed request)', status: '431' })).toBe(2);
    expect(series(metrics, 'moviebot_web_requests_total', { route: '(malformed request)', status: '429' })).toBe(2);
  });
});
