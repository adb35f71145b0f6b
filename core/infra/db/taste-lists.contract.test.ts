import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasteListsContract } from '../../domain/testing/taste-lists.contract.ts';
import { BACKENDS, type TestDatabase } from '../../../test/support/databases.ts';
import { createRepositories, type Repositories } from '../../wiring.ts';

const MOVIES = Array.from({ length: 2_500 }, (_, i) => 1_001 + i);

async function withMovies(open: () => Promise<TestDatabase>): Promise<{ handle: TestDatabase; repos: Repositories }> {
  const handle = await open();
  await handle.database.sql.query(`INSERT INTO movies (id, title, year) SELECT id, 'Film ' || id, 2000 FROM unnest($1::int[]) AS id`, [MOVIES]);
  return { handle, repos: createRepositories(handle.database.db) };
}

/** The seen, watchlist and import contract on both databases, through the same repositories the product uses. */
for (const backend of BACKENDS) {
  tasteListsContract(backend.name, async () => {
    const { handle, repos } = await withMovies(backend.open);
    let next = 0;
    return {
      seen: repos.seen,
      watchlist: repos.watchlist,
      imports: repos.imports,
      feedback: repos.feedback,
      movies: MOVIES,
      user: () => repos.accounts.resolveUser({ platform: 'discord', platformUserId: `list-user-${++next}` }),
      forget: (userId) => repos.accounts.deleteUser(userId),
      close: () => handle.drop(),
    };
  });
}

describe.each(BACKENDS)('an import that fails on $name', ({ open }) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    ({ handle, repos } = await withMovies(open));
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('stores none of it: no feedback, event, seen mark or watchlist entry', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'console', platformUserId: 'half-import' });
    // The last row names a film the catalog does not have: it fails after the others were written.
    const rows = [
      { movieId: MOVIES[0]!, kind: 'like' as const },
      { movieId: MOVIES[1]!, kind: 'seen' as const },
      { movieId: MOVIES[2]!, kind: 'watchlist' as const },
      { movieId: 99_999_999, kind: 'watchlist' as const },
    ];
    await expect(repos.imports.applyImport(u, rows)).rejects.toThrow();
    const count = async (table: string) =>
      (await handle.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [u]))[0]!.n;
    expect([await count('feedback'), await count('feedback_events'), await count('seen'), await count('watchlist')]).toEqual([0, 0, 0, 0]);
  });
});
