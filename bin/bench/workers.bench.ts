/**
 * npm run bench:workers [-- --users 10000 --workers 1,2 --concurrency-before 4 --baseline DIR --profile DIR]
 *
 * Recompute throughput of real `moviebot worker` processes on the
 * ml-latest-small model: a throwaway Postgres database holds USERS people
 * whose favourites, 👍 and 👎 are sampled from MovieLens ratings; a
 * redis-server of the bench's own takes one recompute-user job per person
 * (queued while the queue is paused, then released at once); the clock runs
 * until every job is done. Printed per run: users/s overall and per process,
 * job time p50/p99 (BullMQ's processedOn → finishedOn), CPU seconds of the
 * workers, Redis and Postgres, and the load average (the machine is shared).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { BullmqQueue, migrateDatabase, openDatabase, saveModel, trainModel, type Database } from '../../core/wiring.ts';
import { importDataset, loadTrainingData } from '../../data/index.ts';
import { createPostgresDatabase, silentLogger } from '../../test/support/databases.ts';
import { startOwnRedis } from '../../test/support/redis-server.ts';
import { sampleProfiles } from './latency.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const USERS = Number(arg('users', '10000'));
const WORKER_COUNTS = arg('workers', '1,2').split(',').map(Number);
/** --concurrency-before N: first a run of one worker with N jobs in flight (the old default was 4), for the ratio. */
const BEFORE = process.argv.includes('--concurrency-before') ? Number(arg('concurrency-before', '4')) : undefined;
/** --baseline DIR: first a run of one `moviebot worker` from another checkout (e.g. a git worktree of an older commit). */
const BASELINE = process.argv.includes('--baseline') ? path.resolve(arg('baseline', '.')) : undefined;
/** --profile DIR: each worker writes a V8 CPU profile there. */
const PROFILE = process.argv.includes('--profile') ? path.resolve(arg('profile', 'profiles')) : undefined;
/** USER_HZ: /proc/<pid>/stat counts CPU time in these. */
const TICKS = 100;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-workers-'));
const dataDir = path.join(work, 'data');
const pg = await createPostgresDatabase();
const database = await openDatabase({ databaseUrl: pg.url, pgliteDir: undefined, logger: silentLogger });
const redis = await startOwnRedis();
const children: ChildProcess[] = [];
try {
  console.log(`== setup: ml-latest-small into ${pg.url.replace(/.*\//, '')}, a model, ${USERS.toLocaleString()} people`);
  await migrateDatabase(database);
  await importDataset({ database, dir: small });
  const data = await loadTrainingData(small);
  // With the HNSW file an older checkout (--baseline) loads; this one scans ml-latest-small's 9,742 movies either way.
  await saveModel(path.join(dataDir, 'models', 'current'), await trainModel(data), BASELINE ? { scanMaxItems: 0 } : {});
  const seeded = await seedPeople(database, sampleProfiles(data.ratings, USERS, 11));
  console.log(
    `  ${seeded.favorites.toLocaleString()} favourites, ${seeded.feedback.toLocaleString()} 👍/👎 (${(seeded.favorites / USERS).toFixed(1)} + ${(seeded.feedback / USERS).toFixed(1)} per person)`,
  );

  const producer = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const queue = new BullmqQueue(producer).queue('recompute-user');
  console.log(
    `== recompute-user: ${USERS.toLocaleString()} jobs, one per person (load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  console.log('  workers  users/s  per process  job p50  job p99   CPU s: workers  redis  postgres   load avg (1 min)');
  const runs: { count: number; concurrency?: number; checkout?: string; label?: string }[] = [
    ...(BASELINE ? [{ count: 1, checkout: BASELINE, label: 'baseline 1' }] : []),
    ...(BEFORE ? [{ count: 1, concurrency: BEFORE, label: `1 (${BEFORE} in flight)` }] : []),
    ...WORKER_COUNTS.map((count) => ({ count })),
  ];
  for (const { count, concurrency, checkout, label } of runs) {
    const workers = await Promise.all(Array.from({ length: count }, () => startWorker(redis.url, pg.url, concurrency, checkout)));
    await queue.pause();
    for (let i = 0; i < USERS; i += 1_000) {
      await queue.addBulk(Array.from({ length: Math.min(1_000, USERS - i) }, (_, j) => ({ name: 'recompute-user', data: { userId: seeded.firstId + i + j } })));
    }
    const cpu0 = cpuSeconds(
      workers.map((w) => w.pid!),
      redis.pid(),
    );
    const t0 = performance.now();
    await queue.resume();
    for (;;) {
      const c = await queue.getJobCounts('wait', 'active', 'delayed', 'paused', 'prioritized', 'failed');
      if (c.failed) throw new Error(`${c.failed} jobs failed`);
      if (Object.values(c).every((n) => !n)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuSeconds(
      workers.map((w) => w.pid!),
      redis.pid(),
    );
    const done = await queue.getJobs(['completed'], 0, 999);
    const times = done.map((j) => j.finishedOn! - j.processedOn!).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    const lists = (await producer.keys('moviebot:ready:list:*')).length;
    if (lists < USERS) throw new Error(`only ${lists} of ${USERS} ready lists written`);
    const rate = USERS / seconds;
    console.log(
      `  ${(label ?? String(count)).padStart(7)}  ${rate.toFixed(0).padStart(7)}  ${(rate / count).toFixed(0).padStart(11)}  ${`${at(0.5)} ms`.padStart(7)}  ${`${at(0.99)} ms`.padStart(7)}` +
        `   ${(cpu1.workers - cpu0.workers).toFixed(1).padStart(14)}  ${(cpu1.redis - cpu0.redis).toFixed(1).padStart(5)}  ${(cpu1.postgres - cpu0.postgres).toFixed(1).padStart(8)}   ${os.loadavg()[0]!.toFixed(2)}`,
    );
    await Promise.all(workers.map(stopWorker));
    await producer.del(...(await producer.keys('moviebot:ready:*')));
  }
  await queue.close();
  producer.disconnect();
  console.log(`  (${seconds(USERS)}; target ≥ 1,000 users/s per process; the machine has ${os.cpus().length} cores)`);
} finally {
  for (const c of children) c.kill('SIGKILL');
  await database.close();
  await pg.drop();
  await redis.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

function seconds(users: number): string {
  return `each run recomputes all ${users.toLocaleString()} people from Postgres and writes their 50-movie ready list to Redis`;
}

/** People with favourites, 👍 and 👎 like the bot's: a real MovieLens user's positives and negatives, 1–30 of them. */
async function seedPeople(db: Database, profiles: { likes: readonly number[]; dislikes?: readonly number[] }[]) {
  const rows = (await db.sql.query(`insert into users (display_name) select 'bench-' || g from generate_series(1, ${profiles.length}) g returning id`)) as {
    id: number;
  }[];
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  const fav: [number[], number[]] = [[], []];
  const fb: [number[], number[], number[]] = [[], [], []];
  profiles.forEach((p, i) => {
    const userId = ids[i]!;
    // The first few liked movies as favourites, the rest as 👍 clicks, dislikes as 👎.
    const favourites = Math.min(p.likes.length, 1 + (i % 5));
    p.likes.forEach((movieId, j) => (j < favourites ? (fav[0].push(userId), fav[1].push(movieId)) : (fb[0].push(userId), fb[1].push(movieId), fb[2].push(1))));
    (p.dislikes ?? []).filter((m) => !p.likes.includes(m)).forEach((movieId) => (fb[0].push(userId), fb[1].push(movieId), fb[2].push(-1)));
  });
  await db.sql.query('insert into favorites (user_id, movie_id) select * from unnest($1::int[], $2::int[]) on conflict do nothing', fav);
  await db.sql.query(
    `insert into feedback (user_id, movie_id, value, source) select u, m, v, 'button' from unnest($1::int[], $2::int[], $3::smallint[]) as t(u, m, v) on conflict do nothing`,
    fb,
  );
  return { firstId: ids[0]!, favorites: fav[0].length, feedback: fb[0].length };
}

/** `moviebot worker`, or with `concurrency` the same wiring with that many jobs in flight (test/support/worker-process.ts). */
async function startWorker(redisUrl: string, databaseUrl: string, concurrency?: number, checkout = root): Promise<ChildProcess> {
  const flags = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', PROFILE] : [];
  const entry = concurrency ? ['--import', 'tsx', path.join(root, 'test/support/worker-process.ts')] : [path.join(checkout, 'bin/moviebot'), 'worker'];
  const child = spawn(process.execPath, [...flags, ...entry], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'warn',
      ...(concurrency ? { JOB_CONCURRENCY: String(concurrency) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d) && /worker ready/.test(out) && resolve());
    child.on('exit', (code) => reject(new Error(`moviebot worker exited with ${code}`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

/** utime + stime of the workers, our redis-server and the Postgres backends serving this database. */
function cpuSeconds(workerPids: number[], redis: number | undefined): { workers: number; redis: number; postgres: number } {
  const dbName = pg.url.replace(/.*\//, '');
  const of = (pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      return 0;
    }
  };
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${dbName} `)) postgres += of(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return { workers: workerPids.reduce((s, pid) => s + of(pid) + childrenCpu(pid, of), 0), redis: redis ? of(redis) : 0, postgres };
}

/** bin/moviebot is node running tsx: the work may be in a child process. */
function childrenCpu(pid: number, of: (pid: number) => number): number {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.reduce((s, k) => s + of(k) + childrenCpu(k, of), 0);
  } catch {
    return 0;
  }
}
