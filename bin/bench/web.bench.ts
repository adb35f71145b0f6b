/**
 * npm run bench:web
 *
 * The share site under autocannon (50 connections): a shared list
 * (`/l/:slug`), a server's trends (`/s/:slug`) and, in the same run, a bare
 * Fastify hello-world as the yardstick. The servers run in a child process
 * (the real web app over PGlite, seeded through the same use cases as
 * production, with helmet, the rate limiter and metrics on), autocannon in
 * this one, so client and server do not share an event loop. Pages are
 * requested as browsers do (Accept-Encoding: gzip) after one warm-up
 * request and a 2 s warm-up run, i.e. from the page cache, with its
 * per-second liveness re-check.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

if (process.argv.includes('--serve')) {
  const { webFixture } = await import('../../web-share/testing/fixture.ts');
  // The limit stays on (its cost is part of the figure) but high enough for one client address.
  const site = await webFixture({ rateLimit: { max: 100_000_000, timeWindowMs: 60_000 } });
  const siteUrl = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const hello = Fastify();
  hello.get('/', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ siteUrl, helloUrl, listSlug: site.listSlug, trendsSlug: site.trendsSlug });
  process.on('disconnect', () => void Promise.all([site.close(), hello.close()]).then(() => process.exit(0)));
} else {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ siteUrl: string; helloUrl: string; listSlug: string; trendsSlug: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const targets = [
    { name: 'hello-world (bare Fastify)', url: `${ready.helloUrl}/` },
    { name: '/l/:slug (shared list)', url: `${ready.siteUrl}/l/${ready.listSlug}` },
    { name: '/s/:slug (server trends)', url: `${ready.siteUrl}/s/${ready.trendsSlug}` },
  ];
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  for (const t of targets) {
    const warm = await fetch(t.url, { headers });
    if (!warm.ok) throw new Error(`${t.url} answered ${warm.status}`);
    // Steady state is what is measured: the JIT has compiled each route's path before its run.
    await autocannon({ url: t.url, connections: CONNECTIONS, duration: 2, headers });
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`bench:web — ${CONNECTIONS} connections, ${DURATION_S} s per route, ${os.cpus().length} CPUs, load average before: ${load()}`);
  const rows: { name: string; rps: number; p50: number; p99: number; errors: number; bytes: number }[] = [];
  for (const t of targets) {
    const result = await autocannon({ url: t.url, connections: CONNECTIONS, duration: DURATION_S, headers });
    rows.push({
      name: t.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      bytes: Math.round(result.throughput.average / Math.max(result.requests.average, 1)),
    });
  }
  const hello = rows[0]!.rps;
  console.log(
    `\n${'route'.padEnd(28)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'bytes'.padStart(7)} ${'vs hello'.padStart(9)} errors`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(28)} ${Math.round(r.rps).toString().padStart(9)} ${r.p50.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)} ${String(r.bytes).padStart(7)} ${`${((r.rps / hello) * 100).toFixed(0)}%`.padStart(9)} ${r.errors}`,
    );
  }
  console.log(`\nload average after: ${load()}`);
  const pages = rows.slice(1);
  const ok = pages.every((r) => r.rps >= hello / 4 && r.p99 <= 10 && r.errors === 0);
  console.log(
    ok
      ? 'OK: each page serves ≥ ¼ of hello-world’s req/s with p99 ≤ 10 ms'
      : 'BELOW TARGET: a page serves < ¼ of hello-world’s req/s, or p99 > 10 ms, or had errors',
  );
  child.disconnect();
  process.exitCode = ok ? 0 : 1;
}
