import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity, movieLabel, movieNightHistory, recordFeedback, setTrendsPage, shareLink } from '../core/index.ts';
import { createRepositories } from '../core/wiring.ts';
import { XSS } from './testing/demo-data.ts';
import { securityHeadersOf, webFixture, type WebFixture } from './testing/fixture.ts';
import { escapeHtml } from './views/html.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every element the templates write; a payload turned markup would add another. */
const OUR_TAGS = new Set(
  'html head meta title link body a header main footer section div p h1 h2 span ul ol li figure figcaption em strong svg defs lineargradient stop rect circle text line path i img code'.split(
    ' ',
  ),
);

const slugOf = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('share site', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture();
  });
  afterAll(() => f?.close());

  it('/healthz and /metrics answer for operators', async () => {
    const health = await f.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true });
    await f.app.inject({ url: `/l/${f.listSlug}` });
    const metrics = await f.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/moviebot_web_requests_total\{route="\/l\/:slug",status="200"\} \d+/);
    expect(metrics.body).toMatch(/moviebot_web_page_cache_hits_total \d+/);
  });

  it('the home page, stylesheet and icon load', async () => {
    const home = await f.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    const css = home.body.match(/href="(\/assets\/site\.[0-9a-f]+\.css)"/)![1]!;
    const sheet = await f.app.inject({ url: css });
    expect(sheet.headers['content-type']).toContain('text/css');
    expect(sheet.headers['cache-control']).toContain('immutable');
    expect((await f.app.inject({ url: '/favicon.svg' })).statusCode).toBe(200);
    expect((await f.app.inject({ url: '/robots.txt' })).statusCode).toBe(200);
  });

  it('/l/:slug shows favourites and recommendations with why, unfurl tags and strict headers', async () => {
    const res = await f.app.inject({ url: `/l/${f.listSlug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const title of ['The Matrix', 'Alien', 'Arrival', 'Moon']) expect(res.body).toContain(`<span class="title">${title}</span>`);
    expect(res.body).toContain('Because of <em>');
    expect(res.body).toContain('Get your own Moviebot');
    expect(res.body).toContain(`<meta property="og:image" content="https://movies.example.org/l/${f.listSlug}/card.png">`);
    expect(res.body).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(res.body).toContain(`<meta property="og:url" content="https://movies.example.org/l/${f.listSlug}">`);
    expect(res.body).not.toMatch(/<script|style="/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-ratelimit-limit']).toBeDefined();
  });

  it('pages carry exactly the security headers @fastify/helmet sets on every other route', async () => {
    const byPlugin = securityHeadersOf((await f.app.inject({ url: '/' })).headers);
    expect(Object.keys(byPlugin).length).toBeGreaterThan(8);
    for (const url of [`/l/${f.listSlug}`, `/s/${f.trendsSlug}`, `/l/${f.listSlug}/card.png`, `/l/${'Q'.repeat(24)}`, '/no/such/page']) {
      expect(securityHeadersOf((await f.app.inject({ url })).headers), url).toEqual(byPlugin);
    }
  });

  it('answers 304 to a browser that has the page, and gzip to one that takes it', async () => {
    const first = await f.app.inject({ url: `/l/${f.listSlug}` });
    const again = await f.app.inject({ url: `/l/${f.listSlug}`, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const zipped = await f.app.inject({ url: `/l/${f.listSlug}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
  });

  it('/l/:slug/card.png and /s/:slug/card.png are 1200×630 PNG previews', async () => {
    for (const url of [`/l/${f.listSlug}/card.png`, `/s/${f.trendsSlug}/card.png`]) {
      const res = await f.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png = res.rawPayload;
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  it('/s/:slug shows trends as inline SVG charts, the lists and the group pick', async () => {
    const res = await f.app.inject({ url: `/s/${f.trendsSlug}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('What Film Club 🎬 likes to watch');
    for (const heading of ['Top genres', 'Genres over time', 'Most liked', 'Most divisive', 'Hidden gems', 'Tonight’s group pick'])
      expect(res.body).toContain(heading);
    expect(res.body).toMatch(/<svg class="timeline"[^>]*role="img" aria-label="Genre mix by month/);
    expect(res.body).toContain('<span class="label">Sci-Fi</span>');
    expect(res.body).toContain('Cats (2019)'); // split 2 👍 / 3 👎: divisive
    expect(res.body).toContain(`<meta property="og:image" content="https://movies.example.org/s/${f.trendsSlug}/card.png">`);
    expect(res.body).not.toMatch(/<script|style="/);
  });

  it('/s/:slug lists the server’s past movie nights: the film, when, how many came, how it went', async () => {
    const body = (await f.app.inject({ url: `/s/${f.trendsSlug}` })).body;
    const [winner] = await movieNightHistory(f.deps, { platform: 'discord', id: f.community.platformCommunityId }, 1);
    expect(body).toContain('<h2 id="movie-nights">Movie nights</h2>');
    expect(body).toMatch(
      new RegExp(
        `<div class="title">${escapeRegExp(escapeHtml(movieLabel(winner!.movie)))}</div><div class="tally">Fri 6 Nov, 21:00 \\(UTC\\) · 3 people came · <span class="up">2 👍</span>`,
      ),
    );
    expect((await f.app.inject({ url: `/s/${f.smallTrendsSlug}` })).body).not.toContain('Movie nights');
  });

  it('shows no aggregate for a server with fewer than three contributors', async () => {
    const res = await f.app.inject({ url: `/s/${f.smallTrendsSlug}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Not enough taste to show yet.');
    for (const hidden of ['Top genres', 'Most liked', 'group pick', 'Alien', 'The Matrix']) expect(res.body).not.toContain(hidden);
  });

  it('unknown and malformed slugs get the friendly 404 page, or JSON when asked', async () => {
    for (const url of [`/l/${'A'.repeat(24)}`, `/s/${'A'.repeat(24)}`, '/l/short', '/l/%3Cscript%3E', `/l/${'A'.repeat(24)}/card.png`, '/nothing/here']) {
      const res = await f.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Nothing here');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
    const json = await f.app.inject({ url: '/nothing', headers: { accept: 'application/json' } });
    expect(json.json()).toEqual({ error: 'Not found.' });
  });

  it('a revoked link answers 404 at once, even right after being served from cache; the new one works', async () => {
    const share = { ...f.share };
    const oldSlug = slugOf(await shareLink(share, { platform: 'discord', platformUserId: 'cal' }));
    expect((await f.app.inject({ url: `/l/${oldSlug}` })).statusCode).toBe(200);
    expect((await f.app.inject({ url: `/l/${oldSlug}` })).statusCode).toBe(200);
    const newSlug = slugOf(await shareLink(share, { platform: 'discord', platformUserId: 'cal' }, { replace: true }));
    expect((await f.app.inject({ url: `/l/${oldSlug}` })).statusCode).toBe(404);
    expect((await f.app.inject({ url: `/l/${oldSlug}/card.png` })).statusCode).toBe(404);
    expect((await f.app.inject({ url: `/l/${newSlug}` })).statusCode).toBe(200);
  });

  it('a trends page its admins turned off answers 404 at once, and comes back when turned on', async () => {
    const ref = { platform: 'discord' as const, id: 'film-club' };
    expect((await f.app.inject({ url: `/s/${f.trendsSlug}` })).statusCode).toBe(200);
    await setTrendsPage(f.deps, ref, false);
    expect((await f.app.inject({ url: `/s/${f.trendsSlug}` })).statusCode).toBe(404);
    await setTrendsPage(f.deps, ref, true);
    expect((await f.app.inject({ url: `/s/${f.trendsSlug}` })).statusCode).toBe(200);
  });

  it('a cached page changes as soon as the list or the trends change', async () => {
    const before = await f.app.inject({ url: `/l/${f.listSlug}` });
    expect(before.body).not.toContain('<span class="title">Whiplash</span>');
    await addFavorite(f.deps, f.ann, 36);
    const after = await f.app.inject({ url: `/l/${f.listSlug}` });
    expect(after.body).toContain('<span class="title">Whiplash</span>');
    expect(after.headers.etag).not.toBe(before.headers.etag);

    const trends = async () => (await f.app.inject({ url: `/s/${f.trendsSlug}` })).body;
    expect(await trends()).toContain('<strong>5</strong> members contributed');
    const newcomer = { platform: 'discord' as const, platformUserId: 'fay' };
    await joinCommunity(f.deps, newcomer, { platform: 'discord', id: 'film-club' });
    await recordFeedback(f.deps, { identity: newcomer, movieId: 33, value: 1, source: 'button' });
    expect(await trends()).toContain('<strong>6</strong> members contributed');
  });
});

describe('writes made by another process', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture({ cache: { livenessMs: 100 } });
  });
  afterAll(() => f?.close());

  it('a link revoked elsewhere (no announcement reaches this process) is a 404 within the liveness window', async () => {
    expect((await f.app.inject({ url: `/l/${f.listSlug}` })).statusCode).toBe(200);
    const repos = createRepositories(f.handle.database.db);
    const owner = (await repos.sharedLists.findOwner(f.listSlug))!;
    await repos.sharedLists.replace(owner);
    await new Promise((r) => setTimeout(r, 150));
    expect((await f.app.inject({ url: `/l/${f.listSlug}` })).statusCode).toBe(404);
  });
});

describe('script in every user-controlled field', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture({ xss: true });
  });
  afterAll(() => f?.close());

  it.each([
    ['shared list', () => `/l/${f.listSlug}`],
    ['server trends', () => `/s/${f.trendsSlug}`],
  ])('%s: every payload appears escaped, never as markup', async (_name, url) => {
    const res = await f.app.inject({ url: url() });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    for (const payload of XSS) {
      expect(body, payload).not.toContain(payload);
    }
    // The titles are there, as text.
    expect(body).toContain(escapeHtml(XSS[0]!));
    expect(body).not.toMatch(/<script|<img src=x|<svg onload|<a href="javascript:|<\/title><script/i);
    // With every (always double-quoted) attribute value blanked, no tag carries an event handler or a script URL.
    const markup = body.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(markup).not.toMatch(/<[^>]+=\s*javascript:/i);
    expect(
      markup
        .match(/<[a-z][a-z0-9]*/gi)!
        .map((t) => t.toLowerCase())
        .filter((t) => !OUR_TAGS.has(t.slice(1))),
    ).toEqual([]);
  });

  it('the server name is escaped in the page title and the unfurl tags', async () => {
    const body = (await f.app.inject({ url: `/s/${f.trendsSlug}` })).body;
    expect(body).toContain(`<title>Taste trends of ${escapeHtml(XSS[3]!)}</title>`);
    expect(body).toContain(`<meta property="og:title" content="Taste trends of ${escapeHtml(XSS[3]!)}">`);
  });

  it('the preview images render with payloads in them', async () => {
    for (const url of [`/l/${f.listSlug}/card.png`, `/s/${f.trendsSlug}/card.png`]) {
      const res = await f.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
    }
  });

  it('a payload in the URL is not echoed', async () => {
    const res = await f.app.inject({ url: `/l/${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('alert(1)');
  });
});

describe('rate limiting', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
  });
  afterAll(() => f?.close());

  it('limits share pages per address, with a friendly 429 page', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await f.app.inject({ url: `/l/${f.listSlug}`, remoteAddress: '10.0.0.1' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await f.app.inject({ url: `/l/${f.listSlug}`, remoteAddress: '10.0.0.1' });
    expect(limited.body).toContain('Slow down a little');
    expect(limited.headers['retry-after']).toBeDefined();
    // Someone else is not affected.
    expect((await f.app.inject({ url: `/l/${f.listSlug}`, remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('guessing slugs runs into the limit too: unknown slugs and unknown paths count', async () => {
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push((await f.app.inject({ url: `/l/${String(i).padStart(24, 'Z')}`, remoteAddress: '10.0.0.3' })).statusCode);
    expect(guesses.slice(0, 2)).toEqual([404, 404]);
    expect(guesses.at(-1)).toBe(429);
    const paths = [];
    for (let i = 0; i < 7; i++) paths.push((await f.app.inject({ url: `/wp-admin/${i}`, remoteAddress: '10.0.0.4' })).statusCode);
    expect(paths.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(paths.slice(5)).toEqual([429, 429]);
  });

  it('health checks and metrics are not limited', async () => {
    for (let i = 0; i < 8; i++) expect((await f.app.inject({ url: '/healthz', remoteAddress: '10.0.0.5' })).statusCode).toBe(200);
  });
});

describe('a failure on our side', () => {
  it('is logged and answered with the friendly error page, no details', async () => {
    const { buildWebApp } = await import('./app.ts');
    const logged: unknown[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const broken = () => Promise.reject(new Error('connection refused to db.internal:5432'));
    const app = await buildWebApp({
      logger,
      health: async () => ({ ok: false }) as never,
      share: {
        deps: { sharedLists: { findOwner: broken }, communities: { findByTrendsSlug: broken } } as never,
        publicUrl: 'https://movies.example.org',
        inviteUrl: null,
      },
    });
    const res = await app.inject({ url: `/l/${'A'.repeat(24)}` });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Something went wrong');
    expect(res.body).not.toContain('db.internal');
    expect(logged).toHaveLength(1);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(503);
    await app.close();
  });
});
