/**
 * npm run bench:bot
 *
 * 200 concurrent users on a loopback Discord gateway: `moviebot start` runs
 * as its own process with DISCORD_API_URL pointed at the fake, exactly as in
 * production but for the URL. Measures, per interaction, the time from
 * dispatch to the interaction callback arriving at the fake, for
 * autocomplete and /recommend, two ways:
 *  - concurrent users: each of the 200 users acts, waits for the answer,
 *    thinks for THINK_MS (uniformly random, so users are not in lockstep)
 *    and acts again — the load 200 people in one server make at once;
 *  - burst: all 200 interactions dispatched in the same instant, the worst
 *    case (a single process answers them one after the other).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../../test/support/fake-discord.ts';

const USERS = 200;
const ROUNDS = 5;
/** A person's pause between two interactions. */
const THINK_MS = [200, 1_000] as const;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-bot-'));

const discord = new FakeDiscord();
await discord.start();
const child = spawn(path.join(root, 'bin/moviebot'), ['start'], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MOVIELENS_DIR: small,
    DISCORD_TOKEN: 'bench',
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => String(d).includes('Press Ctrl-C') && resolve());
    child.on('exit', (code) => reject(new Error(`moviebot start exited with ${code}`)));
  });
  const users = Array.from({ length: USERS }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));
  const callback = (id: string) => (c: { path: string }) => c.path.startsWith(`/interactions/${id}/`);
  const favAdd = (user: string, movie: string) =>
    discord.interaction(user, 2, { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movie }] }] });

  // The first start trains a model in the background: wait until /recommend answers with a list.
  for (;;) {
    const id = discord.interaction(users[0]!, 2, { id: '2', name: 'recommend', type: 1 });
    const reply = await discord.waitFor(callback(id), 0, 60_000);
    if ((reply.body.data as { embeds?: unknown[] }).embeds?.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const popular = ['2571', '260', '1', '318', '356', '296', '593', '2959', '1196', '4993'];
  await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, 'id:' + popular[i % 10]!)), 0, 60_000)));
  await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, 'id:' + popular[(i + 3) % 10]!)), 0, 60_000)));

  const report = (label: string, latencies: number[]) => {
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    console.log(`  ${label.padEnd(26)} p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${latencies[latencies.length - 1]!.toFixed(1)} ms (${latencies.length} interactions)`);
  };
  /** Each user acts ROUNDS times, waiting for the answer and a think time between actions. */
  const concurrent = async (label: string, make: (user: string, round: number) => string) => {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      users.map(async (u) => {
        await sleep(Math.random() * THINK_MS[1]);
        for (let round = 0; round < ROUNDS; round++) {
          const at = performance.now();
          latencies.push((await discord.waitFor(callback(make(u, round)), discord.calls.length, 60_000)).at - at);
          await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
        }
      }),
    );
    const rate = latencies.length / ((performance.now() - started) / 1000);
    report(`${label} (${rate.toFixed(0)}/s)`, latencies);
  };
  /** All users at the same instant, ROUNDS times. */
  const burst = async (label: string, make: (user: string, round: number) => string) => {
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const from = discord.calls.length;
      const sent = users.map((u) => ({ id: make(u, round), at: performance.now() }));
      for (const s of sent) latencies.push((await discord.waitFor(callback(s.id), from, 60_000)).at - s.at);
    }
    report(label, latencies);
  };
  const queries = ['mat', 'star w', 'lord of', 'toy', 'the god', 'amelie', 'dune', 'alien', 'pulp', 'fight'];
  const autocomplete = (u: string, r: number) =>
    discord.interaction(u, 4, { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: queries[(Number(u.slice(-3)) + r) % 10], focused: true }] }] });
  const recommend = (u: string) => discord.interaction(u, 2, { id: '2', name: 'recommend', type: 1 });
  console.log(`bench:bot — ${USERS} users, Discord gateway on loopback, bot in its own process`);
  console.log(`${USERS} concurrent users, ${ROUNDS} interactions each, ${THINK_MS[0]}–${THINK_MS[1]} ms apart:`);
  await concurrent('autocomplete', autocomplete);
  await concurrent('/recommend', recommend);
  console.log(`burst: all ${USERS} users in the same instant, ${ROUNDS} times:`);
  await burst('autocomplete', autocomplete);
  await burst('/recommend', recommend);
  console.log('targets (concurrent users): /recommend p99 ≤ 100 ms, autocomplete p99 ≤ 30 ms (dispatch → callback at the fake)');
} finally {
  child.kill('SIGINT');
  await discord.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
