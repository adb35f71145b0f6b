import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webFixture, type WebFixture } from './testing/fixture.ts';
import { XSS } from './testing/demo-data.ts';

/**
 * One real-browser pass (Debian's chromium, installed by .ci/run): the pages
 * render, nothing is logged to the console (a CSP violation would be), no
 * payload runs, and screenshots land in artifacts/screenshots/ to look at.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(import.meta.dirname, '../artifacts/screenshots');
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const, isMobile: true },
];

interface Visit {
  problems: string[];
  page: Page;
  status: number;
}

describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI)('in a real browser', () => {
  let browser: Browser;
  let site: WebFixture;
  let xss: WebFixture;
  let base: string;
  let xssBase: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [site, xss] = await Promise.all([webFixture(), webFixture({ xss: true })]);
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    xssBase = await xss.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await xss?.close();
  });

  async function visit(url: string, shot: string | null, opts: (typeof VIEWPORTS)[number]): Promise<Visit> {
    const context = await browser.newContext({ viewport: opts.viewport, colorScheme: opts.colorScheme, isMobile: opts.isMobile, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      // The page's own status (a 404 page) is checked by the test; any other failed load is a problem.
      if (m.text().startsWith('Failed to load resource') && m.location().url === url) return;
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog (script ran!): ${d.message()}`);
      await d.dismiss();
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url() !== url) problems.push(`${r.status()} for ${r.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-${opts.name}.png`), fullPage: true });
    return { problems, page, status: response?.status() ?? 0 };
  }

  it.each(VIEWPORTS)('a shared list at $name width', async (opts) => {
    const { page, problems, status } = await visit(`${base}/l/${site.listSlug}`, 'shared-list', opts);
    expect(status).toBe(200);
    expect(problems).toEqual([]);
    await expect(page.title()).resolves.toContain('A movie list');
    const favourites = await page.locator('section[aria-labelledby="favourites"] .title').allTextContents();
    expect(favourites.sort()).toEqual(['Alien', 'Arrival', 'Eternal Sunshine of the Spotless Mind', 'Moon', 'Spirited Away', 'The Matrix']);
    expect(await page.locator('section[aria-labelledby="recommended"] .why').count()).toBeGreaterThan(3);
    expect(await page.getByRole('link', { name: /Get your own Moviebot/ }).getAttribute('href')).toMatch(/^https:\/\/discord\.com\//);
    // Every poster has a text alternative.
    const posters = page.locator('.poster');
    for (const label of await posters.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.getAttribute('alt')))) expect(label).toBeTruthy();
    // Nothing wider than the screen (no sideways scrolling on a phone).
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(opts.viewport.width);
    await page.context().close();
  });

  it.each(VIEWPORTS)('server trends at $name width', async (opts) => {
    const { page, problems, status } = await visit(`${base}/s/${site.trendsSlug}`, 'server-trends', opts);
    expect(status).toBe(200);
    expect(problems).toEqual([]);
    await expect(page.locator('h1').textContent()).resolves.toBe('What Film Club 🎬 likes to watch');
    for (const heading of ['Top genres', 'Genres over time', 'Most liked', 'Most divisive', 'Hidden gems', 'Tonight’s group pick']) {
      await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
    }
    expect(await page.locator('svg.timeline rect').count()).toBeGreaterThan(5);
    expect(await page.locator('section[aria-labelledby="most-divisive"] .title').allTextContents()).toContain('Cats (2019)');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(opts.viewport.width);
    await page.context().close();
  });

  it('a server below three contributors and an unknown link get friendly pages', async () => {
    const small = await visit(`${base}/s/${site.smallTrendsSlug}`, 'trends-too-few', VIEWPORTS[1]!);
    expect(small.problems).toEqual([]);
    await expect(small.page.getByText('Not enough taste to show yet.').count()).resolves.toBe(1);
    await small.page.context().close();
    const missing = await visit(`${base}/l/${'x'.repeat(24)}`, 'not-found', VIEWPORTS[0]!);
    expect(missing.status).toBe(404);
    expect(missing.problems).toEqual([]);
    await expect(missing.page.locator('h1').textContent()).resolves.toBe('Nothing here');
    await missing.page.context().close();
  });

  it('script in titles, genres and the server name is shown as text and never runs', async () => {
    for (const url of [`${xssBase}/l/${xss.listSlug}`, `${xssBase}/s/${xss.trendsSlug}`]) {
      const { page, problems } = await visit(url, null, VIEWPORTS[0]!);
      expect(problems).toEqual([]);
      const text = await page.locator('main').textContent();
      expect(text).toContain(XSS[0]);
      expect(await page.locator('main script, main img[src="x"], main [onerror], main [onload]').count()).toBe(0);
      await page.context().close();
    }
  });
});
