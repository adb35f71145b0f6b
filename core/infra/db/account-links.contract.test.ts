import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountLinkContract } from '../../domain/testing/account-links.contract.ts';
import { BACKENDS } from '../../../test/support/databases.ts';
import { createRepositories } from '../../wiring.ts';

/** Linking and unlinking on both databases, through the repositories the product uses (one transaction each). */
for (const backend of BACKENDS) {
  accountLinkContract(backend.name, async () => {
    const handle = await backend.open();
    const repos = createRepositories(handle.database.db);
    const movies = Array.from({ length: 8 }, (_, n) => 101 + n);
    await handle.database.sql.query(`INSERT INTO movies (id, title, year) SELECT id, 'Film ' || id, 2000 FROM unnest($1::int[]) AS id`, [movies]);
    return { ...repos, movies, close: () => handle.drop() };
  });
}

describe.each(BACKENDS)('account links on $name: one transaction', ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle?.drop());

  it('a merge that fails part-way leaves the code unused and nothing moved', async () => {
    const repos = createRepositories(handle.database.db);
    const maker = { platform: 'discord' as const, platformUserId: 'maker' };
    const userId = await repos.accounts.resolveUser(maker);
    const code = await repos.accounts.createLinkCode(userId, maker, new Date(Date.now() + 60_000));
    // A redeemer whose user is gone by the time of the merge: the claim is made, then the merge refuses.
    await expect(repos.accounts.redeemLinkCode(code, userId + 1000, new Date())).rejects.toThrow(/one is gone/);
    expect(await repos.accounts.findLinkCode(code)).toMatchObject({ userId, usedAt: null });
  });
});
