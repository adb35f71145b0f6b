/**
 * npm run bench:bot
 *
 * 200 concurrent users on a loopback Discord gateway: `moviebot start` runs
 * as its own process with DISCORD_API_URL pointed at the fake, exactly as in
 * production but for the URL. Each round dispatches one interaction per user
 * at once and measures, per interaction, the time from dispatch to the
 * interaction callback arriving at the fake: autocomplete and /recommend.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../../test/support/fake-discord.ts';

const USERS = 200;
const ROUNDS = 5;
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
  await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, popular[i % 10]!)), 0, 60_000)));
  await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, popular[(i + 3) % 10]!)), 0, 60_000)));

  const measure = async (label: string, make: (user: string, round: number) => string) => {
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const sent = users.map((u) => ({ id: make(u, round), at: performance.now() }));
      for (const s of sent) latencies.push((await discord.waitFor(callback(s.id), 0, 60_000)).at - s.at);
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    console.log(`  ${label.padEnd(14)} p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${latencies[latencies.length - 1]!.toFixed(1)} ms (${latencies.length} interactions)`);
  };
  const queries = ['mat', 'star w', 'lord of', 'toy', 'the god', 'amelie', 'dune', 'alien', 'pulp', 'fight'];
  console.log(`bench:bot — ${USERS} concurrent users × ${ROUNDS} rounds, Discord gateway on loopback`);
  await measure('autocomplete', (u, r) =>
    discord.interaction(u, 4, { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: queries[(Number(u.slice(-3)) + r) % 10], focused: true }] }] }),
  );
  await measure('/recommend', (u) => discord.interaction(u, 2, { id: '2', name: 'recommend', type: 1 }));
  console.log('  targets: /recommend p99 ≤ 100 ms, autocomplete p99 ≤ 30 ms (dispatch → callback at the fake)');
} finally {
  child.kill('SIGINT');
  await discord.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
