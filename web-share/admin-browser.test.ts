/**
 * The queue dashboard in a real browser (Debian's chromium, installed by
 * .ci/run): signing in with ?token= once lands on bull-board without the
 * token in the address bar, the board's own scripts run under the relaxed
 * CSP of /admin/queues and list our four queues, and nothing is logged to
 * the console (a CSP violation would be).
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, Metrics } from '../core/index.ts';
import { BullmqQueue, createRedisClient } from '../core/wiring.ts';
import { silentLogger } from '../test/support/databases.ts';
import { buildWebApp } from './app.ts';
import { testHealth } from './testing/fixture.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'admin-browser-token-0123456789';

describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI)('the queue dashboard in a real browser', () => {
  const prefix = `test-${randomUUID()}`;
  let redis: Redis;
  let jobs: BullmqQueue;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    redis = createRedisClient(TEST_REDIS_URL, silentLogger);
    await new Promise((resolve) => redis.once('ready', resolve));
    jobs = new BullmqQueue(redis, prefix);
    await jobs.enqueue('retrain', { reason: 'manual' });
    app = await buildWebApp({
      logger: silentLogger,
      health: testHealth,
      metrics: new Metrics(),
      admin: { token: TOKEN, queues: JOB_NAMES.map((n) => jobs.queue(n)) },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (jobs) await Promise.all(JOB_NAMES.map((n) => jobs.queue(n).obliterate({ force: true })));
    await jobs?.close();
    await redis?.quit();
  });

  it('signs in once, drops the token from the address bar and shows every queue', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    const offline = (url: string) => /fonts\.(googleapis|gstatic)\.com/.test(url);
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      // The board's fonts come from Google, which this machine cannot reach: not the page's fault.
      if (m.text().startsWith('Failed to load resource') && offline(m.location().url)) return;
      problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (r) => {
      if (!offline(r.url())) problems.push(`request failed: ${r.url()}`);
    });

    const response = await page.goto(`${base}/admin/queues?token=${TOKEN}`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).search).toBe('');
    for (const name of JOB_NAMES) await expect(page.getByText(name, { exact: true }).first().waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
    expect(problems).toEqual([]);

    // Without the cookie, the same page is refused.
    const stranger = await (await browser.newContext()).newPage();
    expect((await stranger.goto(`${base}/admin/queues`))?.status()).toBe(401);
  });
});
