/**
 * npm run bench:bot [-- --postgres --new-members-only --baseline DIR --profile DIR]
 *
 * 200 concurrent users on a loopback Discord gateway: `moviebot start` runs
 * as its own process with DISCORD_API_URL pointed at the fake, exactly as in
 * production but for the URL. Measures, per interaction, the time from
 * dispatch to the interaction callback arriving at the fake, for
 * autocomplete and /recommend:
 *  - concurrent users: each of the 200 users acts, waits for the answer,
 *    thinks for THINK_MS (uniformly random, so users are not in lockstep)
 *    and acts again — the load 200 people in one server make at once;
 *  - burst: all 200 interactions dispatched in the same instant, the worst
 *    case (a single process answers them one after the other);
 *  - new members: 200 people never seen before, in a server, all in the same
 *    instant, each an autocomplete and then (once it is answered) /recommend
 *    — a new server trying the bot: every one of them is a first sighting,
 *    an account to make and a member joining the server's community.
 *
 * --postgres: also the new-members burst with DATABASE_URL (a throwaway
 * database on TEST_DATABASE_URL's server). --new-members-only: skip the
 * known-members sections. --baseline DIR: the new-members bursts are run
 * first with DIR's `bin/moviebot` (e.g. a git worktree of main), then with
 * this checkout's, in the same conditions. --profile DIR: each `moviebot
 * start` writes a V8 CPU profile there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../../test/support/databases.ts';
import { FakeDiscord, inGuild } from '../../test/support/fake-discord.ts';

const USERS = 200;
const ROUNDS = 5;
/** A person's pause between two interactions. */
const THINK_MS = [200, 1_000] as const;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const POSTGRES = process.argv.includes('--postgres');
const NEW_ONLY = process.argv.includes('--new-members-only');
const BASELINE = arg('baseline') ? path.resolve(arg('baseline')!) : undefined;
const PROFILE = arg('profile') ? path.resolve(arg('profile')!) : undefined;
/** One server per new-members round, so every round is a new server of strangers. */
const guildOf = (round: number) => ({
  id: String(800_000_000_000_000_000n + BigInt(round)),
  name: `New server ${round + 1}`,
  channelId: String(810_000_000_000_000_000n + BigInt(round)),
});

type Make = (user: string, round: number) => string;

console.log(`bench:bot — ${USERS} users, Discord gateway on loopback, bot in its own process`);
if (!NEW_ONLY) await run({ checkout: root, label: 'embedded (PGlite, in-process jobs)', known: true });
const runs = [...(BASELINE ? [{ checkout: BASELINE, label: `baseline ${BASELINE}` }] : []), { checkout: root, label: BASELINE ? `this checkout` : '' }];
for (const { checkout, label } of runs) {
  await run({ checkout, label: `${label ? `${label}, ` : ''}embedded (PGlite, in-process jobs)`, known: false });
  if (POSTGRES) {
    const db = await createPostgresDatabase();
    try {
      await run({ checkout, label: `${label ? `${label}, ` : ''}PostgreSQL (in-process jobs)`, known: false, databaseUrl: db.url });
    } finally {
      await db.drop();
    }
  }
}
if (!NEW_ONLY) console.log('targets (concurrent users): /recommend p99 ≤ 100 ms, autocomplete p99 ≤ 30 ms (dispatch → callback at the fake)');
console.log('targets (new members): /recommend p99 ≤ 150 ms, autocomplete p99 ≤ 50 ms');

/** One `moviebot start` from `checkout`: the known-members sections (`known`) or the new-members burst. */
async function run({ checkout, label, known, databaseUrl }: { checkout: string; label: string; known: boolean; databaseUrl?: string }): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-bot-'));
  const discord = new FakeDiscord(Array.from({ length: ROUNDS }, (_, r) => guildOf(r)));
  await discord.start();
  const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(checkout, 'bin/moviebot'), 'start'], {
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
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => String(d).includes('Press Ctrl-C') && resolve());
      child.on('exit', (code) => reject(new Error(`moviebot start exited with ${code}`)));
    });
    const callback = (id: string) => (c: { path: string }) => c.path.startsWith(`/interactions/${id}/`);
    const recommend = (u: string, extra: Record<string, unknown> = {}) => discord.interaction(u, 2, { id: '2', name: 'recommend', type: 1 }, extra);
    // The first start trains a model in the background: wait until /recommend answers with a list.
    for (;;) {
      const id = recommend('99');
      const reply = await discord.waitFor(callback(id), 0, 60_000);
      if ((reply.body.data as { embeds?: unknown[] }).embeds?.length) break;
      await sleep(500);
    }
    const queries = ['mat', 'star w', 'lord of', 'toy', 'the god', 'amelie', 'dune', 'alien', 'pulp', 'fight'];
    const autocomplete = (u: string, r: number, extra: Record<string, unknown> = {}) =>
      discord.interaction(
        u,
        4,
        {
          id: '1',
          name: 'fav',
          type: 1,
          options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: queries[(Number(u.slice(-3)) + r) % 10], focused: true }] }],
        },
        extra,
      );
    const report = (name: string, latencies: number[]) => {
      latencies.sort((a, b) => a - b);
      const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
      console.log(
        `  ${name.padEnd(26)} p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${latencies[latencies.length - 1]!.toFixed(1)} ms (${latencies.length} interactions)`,
      );
    };
    const loadavg = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');

    if (!known) {
      console.log(
        `new members (${label}): ${USERS} never-seen members of a new server in the same instant, each autocomplete then /recommend, ${ROUNDS} servers (load average ${loadavg()}):`,
      );
      const completes: number[] = [];
      const recommends: number[] = [];
      const cpu0 = cpuSeconds(child.pid!);
      let busy = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const g = guildOf(round);
        const where = inGuild(g.id, g.channelId);
        const strangers = Array.from({ length: USERS }, (_, i) => String(300_000_000_000_000_000n + BigInt(round * USERS + i)));
        const from = discord.calls.length;
        const started = cpuSeconds(child.pid!);
        await Promise.all(
          strangers.map(async (u) => {
            let at = performance.now();
            const completed = await discord.waitFor(callback(autocomplete(u, round, where)), from, 60_000);
            completes.push(completed.at - at);
            at = performance.now();
            const answered = await discord.waitFor(callback(recommend(u, where)), from, 60_000);
            if (!(answered.body.data as { embeds?: unknown[] }).embeds?.length)
              throw new Error(`/recommend gave a newcomer no list: ${JSON.stringify(answered.body)}`);
            recommends.push(answered.at - at);
          }),
        );
        busy += cpuSeconds(child.pid!) - started;
        // Let the server's background recompute settle between two servers.
        await sleep(2_000);
      }
      report('autocomplete', completes);
      report('/recommend', recommends);
      const all = cpuSeconds(child.pid!) - cpu0;
      console.log(
        `  bot CPU: ${((busy * 1000) / (ROUNDS * USERS)).toFixed(2)} ms per newcomer until answered, ${((all * 1000) / (ROUNDS * USERS)).toFixed(2)} ms with the background work after (load average after: ${loadavg()})`,
      );
      return;
    }

    const users = Array.from({ length: USERS }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));
    const favAdd = (user: string, movie: string) =>
      discord.interaction(user, 2, { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movie }] }] });
    const popular = ['2571', '260', '1', '318', '356', '296', '593', '2959', '1196', '4993'];
    await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, 'id:' + popular[i % 10]!)), 0, 60_000)));
    await Promise.all(users.map((u, i) => discord.waitFor(callback(favAdd(u, 'id:' + popular[(i + 3) % 10]!)), 0, 60_000)));

    /** Each user acts ROUNDS times, waiting for the answer and a think time between actions. */
    const concurrent = async (name: string, make: Make) => {
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
      report(`${name} (${rate.toFixed(0)}/s)`, latencies);
    };
    /** All users at the same instant, ROUNDS times. */
    const burst = async (name: string, make: Make) => {
      const latencies: number[] = [];
      const cpu0 = cpuSeconds(child.pid!);
      for (let round = 0; round < ROUNDS; round++) {
        const from = discord.calls.length;
        const sent = users.map((u) => ({ id: make(u, round), at: performance.now() }));
        for (const s of sent) latencies.push((await discord.waitFor(callback(s.id), from, 60_000)).at - s.at);
      }
      report(name, latencies);
      console.log(`    bot CPU: ${(((cpuSeconds(child.pid!) - cpu0) * 1000) / latencies.length).toFixed(2)} ms per interaction`);
    };
    console.log(`${USERS} concurrent users (${label}), ${ROUNDS} interactions each, ${THINK_MS[0]}–${THINK_MS[1]} ms apart:`);
    await concurrent('autocomplete', (u, r) => autocomplete(u, r));
    await concurrent('/recommend', (u) => recommend(u));
    console.log(`burst: all ${USERS} users in the same instant, ${ROUNDS} times:`);
    await burst('autocomplete', (u, r) => autocomplete(u, r));
    await burst('/recommend', (u) => recommend(u));
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    await discord.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) a process has used so far; /proc counts them in USER_HZ ticks (100 a second). */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
