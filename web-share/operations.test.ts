/**
 * Operations on the web server: /metrics on prom-client with the queues'
 * depth read from BullMQ on a real Redis, and the bull-board dashboard under
 * /admin/queues behind ADMIN_TOKEN.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, Metrics, type JobQueue, type Processors } from '../core/index.ts';
import { BullmqQueue, createRedisClient, InProcessQueue } from '../core/wiring.ts';
import { series } from '../test/support/prometheus.ts';
import { silentLogger } from '../test/support/databases.ts';
import { buildWebApp } from './app.ts';
import { testHealth } from './testing/fixture.ts';
import { ADMIN_COOKIE } from './plugins/admin-auth.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const TOKEN = 'admin-token-0123456789abcdef';

describe('on BullMQ (real Redis)', () => {
  const prefix = `test-${randomUUID()}`;
  let redis: Redis;
  let jobs: BullmqQueue;
  let metrics: Metrics;
  let app: FastifyInstance;
  beforeAll(async () => {
    redis = createRedisClient(TEST_REDIS_URL, silentLogger);
    await new Promise((resolve) => redis.once('ready', resolve));
    jobs = new BullmqQueue(redis, prefix);
    metrics = new Metrics();
    metrics.watchQueues(() => jobs.counts());
    app = await buildWebApp({ logger: silentLogger, health: testHealth, metrics, admin: { token: TOKEN, queues: JOB_NAMES.map((n) => jobs.queue(n)) } });
  });
  afterAll(async () => {
    await app?.close();
    if (jobs) await Promise.all(JOB_NAMES.map((n) => jobs.queue(n).obliterate({ force: true })));
    await jobs?.close();
    await redis?.quit();
  });

  it('/metrics shows each queue’s depth by state, read from Redis at scrape time', async () => {
    await jobs.enqueue('recompute-user', { userId: 1 });
    await jobs.enqueue('recompute-user', { userId: 2 });
    await jobs.enqueue('recompute-server', { communityId: 7 }, { debounceKey: '7', debounceMs: 60_000 });
    await jobs.enqueue('retrain', { reason: 'manual' });
    await app.inject({ url: '/healthz' });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const depth = (queue: string, state: string) => series(res.body, 'moviebot_queue_jobs', { queue, state });
    expect(depth('recompute-user', 'waiting')).toBe(2);
    expect(depth('recompute-server', 'delayed')).toBe(1);
    expect(depth('recompute-server', 'waiting')).toBe(0);
    expect(depth('retrain', 'waiting')).toBe(1);
    for (const queue of JOB_NAMES)
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(depth(queue, state), `${queue} ${state}`).toBeTypeOf('number');
    expect(series(res.body, 'moviebot_queue_jobs_readable')).toBe(1);
    // Node's default process metrics come with it, and the web server's own.
    expect(series(res.body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(series(res.body, 'moviebot_web_requests_total', { route: '/healthz', status: '200' })).toBe(1);
  });

  it('/admin/queues answers 401 without a token or with a wrong one', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-0123456789abcdef' },
      { authorization: `Basic ${TOKEN}` },
      { cookie: `${ADMIN_COOKIE}=99999999999999.forged` },
    ]) {
      for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await app.inject({ url, headers, remoteAddress: '10.1.0.1' });
        expect(res.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.body).not.toContain('recompute-user');
      }
    }
    expect((await app.inject({ url: '/admin/queues?token=nope', remoteAddress: '10.1.0.2' })).statusCode).toBe(401);
  });

  it('with the right bearer token the board loads and its API lists our four queues', async () => {
    const authorization = `Bearer ${TOKEN}`;
    const page = await app.inject({ url: '/admin/queues', headers: { authorization } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<base href="/admin/queues');
    const script = page.body.match(/src="(static\/js\/[^"]+\.js)"/)![1]!;
    expect((await app.inject({ url: `/admin/queues/${script}`, headers: { authorization } })).statusCode).toBe(200);

    const api = await app.inject({ url: '/admin/queues/api/queues', headers: { authorization } });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual([...JOB_NAMES].sort());
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('relaxes the CSP under /admin/queues only', async () => {
    const board = await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` } });
    const boardCsp = String(board.headers['content-security-policy']);
    expect(boardCsp).toContain("script-src 'self'");
    expect(boardCsp).toContain("frame-ancestors 'none'");
    const home = await app.inject({ url: '/' });
    expect(String(home.headers['content-security-policy'])).toContain("script-src 'none'");
    const notFound = await app.inject({ url: '/admin/other' });
    expect(notFound.statusCode).toBe(404);
    expect(String(notFound.headers['content-security-policy'])).toContain("script-src 'none'");
  });

  it('a browser signs in once with ?token=: an HttpOnly, SameSite=Strict cookie, and the token dropped from the URL', async () => {
    const login = await app.inject({ url: `/admin/queues/queue/retrain?status=failed&token=${TOKEN}` });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin/queues/queue/retrain?status=failed');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${ADMIN_COOKIE}=\\d+\\.[\\w-]+; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/admin/queues');
    expect(cookie).not.toContain('Secure'); // plain http here; see the https case below
    const session = cookie.split(';')[0]!;
    const api = await app.inject({ url: '/admin/queues/api/queues', headers: { cookie: `theme=dark; ${session}` } });
    expect(api.statusCode).toBe(200);
    // A cookie whose expiry was pushed forward by hand is not accepted: the signature covers it.
    const [value] = session.split(';');
    const tampered = value!.replace(/=(\d+)\./, (_m, t: string) => `=${Number(t) + 1}.`);
    expect((await app.inject({ url: '/admin/queues/api/queues', headers: { cookie: tampered } })).statusCode).toBe(401);
  });

  it('failed logins are limited per address: past the limit even the right token waits', async () => {
    const ip = '10.9.9.9';
    const codes = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer guess-${i}-0123456789abcdefgh` }, remoteAddress: ip })).statusCode,
      );
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
    const right = await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: ip });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
    // Visiting without any credential (a first visit) does not count, and other addresses are not affected.
    for (let i = 0; i < 12; i++) expect((await app.inject({ url: '/admin/queues', remoteAddress: '10.9.9.10' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
  });

  it('/metrics says when the queue depth cannot be read (Redis down), and still answers', async () => {
    const down = createRedisClient('redis://127.0.0.1:1', silentLogger);
    const broken = new BullmqQueue(down, prefix);
    const m = new Metrics({ processMetrics: false });
    m.watchQueues(() => broken.counts());
    const started = Date.now();
    const { body } = await m.render();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(series(body, 'moviebot_queue_jobs_readable')).toBe(0);
    expect(series(body, 'moviebot_queue_jobs', { queue: 'retrain', state: 'waiting' })).toBeUndefined();
    await broken.close().catch(() => {});
    down.disconnect();
  });
});

describe('without ADMIN_TOKEN', () => {
  it('the dashboard is off: 404 whatever is sent', async () => {
    const app = await buildWebApp({ logger: silentLogger, health: testHealth, admin: { token: undefined, queues: [] } });
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      for (const url of ['/admin/queues', '/admin/queues/api/queues', `/admin/queues?token=${TOKEN}`]) {
        expect((await app.inject({ url, headers })).statusCode, url).toBe(404);
      }
    }
    await app.close();
  });
});

describe('with jobs in-process (no Redis)', () => {
  let app: FastifyInstance;
  let jobs: JobQueue;
  let release: () => void = () => {};
  beforeAll(async () => {
    const gate = new Promise<void>((resolve) => (release = resolve));
    const processors = {
      'recompute-user': () => gate,
      'recompute-server': async () => {},
      retrain: async () => {
        throw new Error('no data');
      },
      import: async () => {},
      enrich: async () => {},
      'catalog-sync': async () => {},
    } satisfies Processors;
    const metrics = new Metrics({ processMetrics: false });
    const inProcess = new InProcessQueue(processors, { attempts: 1, onJobFinished: metrics.jobFinished });
    jobs = inProcess;
    metrics.watchQueues(() => inProcess.counts());
    app = await buildWebApp({ logger: silentLogger, health: testHealth, metrics, admin: { token: TOKEN, queues: [] }, share: undefined });
  });
  afterAll(async () => {
    release();
    await jobs?.close();
    await app?.close();
  });

  it('/metrics shows the runner’s own counts and the durations of the jobs it ran', async () => {
    await jobs.enqueue('retrain', { reason: 'manual' });
    await jobs.enqueue('recompute-user', { userId: 1 });
    await jobs.enqueue('recompute-user', { userId: 2 });
    await jobs.enqueue('recompute-server', { communityId: 3 }, { debounceKey: '3', debounceMs: 60_000 });
    await new Promise((r) => setTimeout(r, 50));
    const body = (await app.inject({ url: '/metrics' })).body;
    const depth = (queue: string, state: string) => series(body, 'moviebot_queue_jobs', { queue, state });
    expect(depth('recompute-user', 'active')).toBe(1); // held by the gate
    expect(depth('recompute-user', 'waiting')).toBe(1);
    expect(depth('recompute-server', 'delayed')).toBe(1);
    expect(depth('retrain', 'failed')).toBe(1);
    expect(series(body, 'moviebot_job_duration_seconds_count', { queue: 'retrain', outcome: 'failed' })).toBe(1);
    expect(series(body, 'moviebot_job_duration_seconds_count', { queue: 'recompute-user', outcome: 'completed' })).toBeUndefined();
    release();
    await new Promise((r) => setTimeout(r, 50));
    const after = (await app.inject({ url: '/metrics' })).body;
    expect(series(after, 'moviebot_job_duration_seconds_count', { queue: 'recompute-user', outcome: 'completed' })).toBe(2);
    expect(series(after, 'moviebot_queue_jobs', { queue: 'recompute-user', state: 'active' })).toBe(0);
  });

  it('/admin/queues says there is no dashboard in embedded mode (404), to signed-in operators only', async () => {
    expect((await app.inject({ url: '/admin/queues' })).statusCode).toBe(401);
    const res = await app.inject({ url: '/admin/queues', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: expect.stringContaining('in-process') });
  });
});
