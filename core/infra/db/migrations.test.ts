import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, silentLogger } from '../../../test/support/databases.ts';
import { useTempDirs } from '../../../test/support/temp-dirs.ts';
import { createRepositories, migrateDatabase, MIGRATIONS_DIR, openDatabase, type Database } from '../../wiring.ts';

interface Journal {
  entries: { tag: string }[];
}
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as Journal;
const tempDir = useTempDirs('moviebot-migrations-');

/** The committed migrations up to `count`, as a folder the migrator reads: a database as an earlier release left it. */
function firstMigrations(count: number): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

const BACKENDS = [
  {
    name: 'PGlite',
    async open(): Promise<{ database: Database; drop: () => Promise<void> }> {
      const database = await openDatabase({ databaseUrl: undefined, pgliteDir: undefined, logger: silentLogger });
      return { database, drop: () => database.close() };
    },
  },
  {
    name: 'Postgres',
    async open(): Promise<{ database: Database; drop: () => Promise<void> }> {
      const created = await createPostgresDatabase();
      const database = await openDatabase({ databaseUrl: created.url, pgliteDir: undefined, logger: silentLogger });
      const drop = async () => {
        await database.close();
        await created.drop();
      };
      return { database, drop };
    },
  },
];

/**
 * Every migration applies to a database the ones before it made, with rows
 * in it, inside the migrator's transaction (ALTER TYPE … ADD VALUE included).
 */
describe.each(BACKENDS)('migrations on $name', ({ open }) => {
  it.each(journal.entries.slice(1).map((e, n) => [e.tag, n + 1] as const))('%s upgrades a database in use', async (_tag, before) => {
    const { database, drop } = await open();
    try {
      await database.migrate(firstMigrations(before));
      await database.sql.query(`INSERT INTO movies (id, title, year) VALUES (1, 'Toy Story', 1995)`);
      const repos = createRepositories(database.db);
      const user = await repos.accounts.resolveUser({ platform: 'telegram', platformUserId: 'early' });
      await repos.feedback.record({ userId: user, movieId: 1, value: 1, source: 'button' });
      await migrateDatabase(database);
      expect(await repos.feedback.current(user)).toEqual(new Map([[1, 1]]));
      // What the latest schema adds works on the upgraded database.
      expect(await repos.feedback.record({ userId: user, movieId: 1, value: -1, source: 'movienight' })).toBe(true);
      const community = await repos.communities.ensure('telegram', 'group');
      const { created } = await repos.nights.open({
        communityId: community.id,
        platform: 'telegram',
        channelId: 'group',
        hostUserId: user,
        startsAt: new Date(),
        timeZone: 'UTC',
        voiceChannelId: null,
        location: null,
        candidateCount: 3,
      });
      expect(created).toBe(true);
    } finally {
      await drop();
    }
  });
});
