import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../../../test/support/databases.ts';
import { createRepositories, type Repositories } from '../../wiring.ts';

/** One contract, two implementations: the same repository code on Postgres and on PGlite. */
describe.each(BACKENDS)('storage on $name', ({ open }) => {
  let handle: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await open();
    repos = createRepositories(handle.database.db);
    await handle.database.sql.query(
      `INSERT INTO movies (id, title, year, genres) VALUES
        (1, 'Toy Story', 1995, '{Adventure,Animation}'),
        (2, 'Jumanji', 1995, '{Adventure}'),
        (3, 'Matrix, The', 1999, '{Action,Sci-Fi}')`,
    );
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('serves the whole catalog, its popularity and where it came from', async () => {
    expect((await repos.catalog.allMovies()).map((m) => m.id)).toEqual([1, 2, 3]);
    await handle.database.sql.query('INSERT INTO ratings VALUES (1, 3, 4.5, 0), (2, 3, 5, 0), (3, 1, 4, 0), (4, 1, 2, 0)');
    expect(await repos.catalog.popularity()).toEqual(
      new Map([
        [3, 2],
        [1, 1],
      ]),
    );
    expect(await repos.catalog.lastImportSource()).toBeNull();
    await handle.database.sql.query(
      `INSERT INTO dataset_imports (source, layout, id_space, fingerprint, counts) VALUES ('/a', 'csv', 'movielens', 'f', '{}'), ('/b', 'csv', 'movielens', 'f', '{}')`,
    );
    expect(await repos.catalog.lastImportSource()).toBe('/b');
    await handle.database.sql.query('TRUNCATE ratings, dataset_imports');
  });

  it('migrations are idempotent', async () => {
    const { migrateDatabase } = await import('../../wiring.ts');
    await migrateDatabase(handle.database);
    expect((await repos.catalog.stats()).movies).toBe(3);
  });

  it('resolves one user per platform identity, also under concurrent first contact', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => repos.accounts.resolveUser({ platform: 'discord', platformUserId: '42', username: 'ann' })));
    expect(new Set(ids).size).toBe(1);
    const tg = await repos.accounts.resolveUser({ platform: 'telegram', platformUserId: '42' });
    expect(tg).not.toBe(ids[0]);
    expect(await repos.accounts.findUser('discord', '42')).toBe(ids[0]);
    expect(await repos.accounts.findUser('discord', 'nobody')).toBeNull();
  });

  it('resolves a burst of identities in one go: in input order, known ones kept, overlapping batches agree, no user left over', async () => {
    const users = async () => (await handle.database.sql.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
    const known = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'burst-known' });
    const before = await users();
    const burst = (ids: string[]) => ids.map((id) => ({ platform: 'discord' as const, platformUserId: id, username: `u${id}` }));
    const first = burst(['burst-a', 'burst-known', 'burst-b', 'burst-a']);
    const second = burst(['burst-c', 'burst-b', 'burst-a']);
    const [x, y] = await Promise.all([repos.accounts.resolveUsers(first), repos.accounts.resolveUsers(second)]);
    expect(x[1]).toBe(known);
    expect(x[3]).toBe(x[0]);
    expect(y).toEqual([y[0], x[2], x[0]]);
    expect(new Set([...x, ...y]).size).toBe(4);
    for (const [n, identity] of first.entries()) expect(await repos.accounts.findUser('discord', identity.platformUserId)).toBe(x[n]);
    expect(await users()).toBe(before + 3);
    expect(await repos.accounts.identitiesOf([x[0]!], 'discord')).toEqual([{ platform: 'discord', platformUserId: 'burst-a', username: 'uburst-a' }]);
    expect(await repos.accounts.resolveUsers([])).toEqual([]);
    // The sequence moved on past the ids drawn: a single resolve after a burst gets a fresh one.
    expect([...x, ...y]).not.toContain(await repos.accounts.resolveUser({ platform: 'telegram', platformUserId: 'after-burst' }));
  });

  it('links a second platform identity to the same user, never stealing one', async () => {
    const ann = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'link-ann' });
    const bob = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'link-bob' });
    expect(await repos.accounts.linkIdentity(ann, { platform: 'telegram', platformUserId: 'tg-ann' })).toBe(true);
    expect(await repos.accounts.findUser('telegram', 'tg-ann')).toBe(ann);
    expect(await repos.accounts.linkIdentity(bob, { platform: 'telegram', platformUserId: 'tg-ann' })).toBe(false);
  });

  it('keeps favourites once each, in the order added', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'fav' });
    expect(await repos.favorites.add(u, 3)).toBe(true);
    expect(await repos.favorites.add(u, 1)).toBe(true);
    expect(await repos.favorites.add(u, 3)).toBe(false);
    expect(await repos.favorites.list(u)).toEqual([3, 1]);
    expect(await repos.favorites.remove(u, 3)).toBe(true);
    expect(await repos.favorites.remove(u, 3)).toBe(false);
    expect(await repos.favorites.list(u)).toEqual([1]);
  });

  it('refuses a favourite for a movie that does not exist', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'fav-missing' });
    await expect(repos.favorites.add(u, 999_999)).rejects.toThrow();
    expect(await repos.favorites.list(u)).toEqual([]);
  });

  it('stores one current feedback value per movie and the whole history', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'telegram', platformUserId: 'fb' });
    expect(await repos.feedback.record({ userId: u, movieId: 1, value: 1, source: 'button', eventKey: 'e1' })).toBe(true);
    expect(await repos.feedback.record({ userId: u, movieId: 1, value: -1, source: 'reaction', eventKey: 'e2' })).toBe(true);
    expect(await repos.feedback.record({ userId: u, movieId: 2, value: 1, source: 'button' })).toBe(true);
    expect(await repos.feedback.current(u)).toEqual(
      new Map([
        [1, -1],
        [2, 1],
      ]),
    );
    // Retracting (a removed reaction) clears the current value but stays in history.
    expect(await repos.feedback.record({ userId: u, movieId: 1, value: 0, source: 'reaction', eventKey: 'e3' })).toBe(true);
    expect(await repos.feedback.current(u)).toEqual(new Map([[2, 1]]));
    expect((await repos.feedback.history(u)).map((h) => [h.movieId, h.value])).toEqual([
      [1, 1],
      [1, -1],
      [2, 1],
      [1, 0],
    ]);
  });

  it("reads several people's favourites and current feedback at once, as one person at a time would", async () => {
    const [a, b, nobody] = await Promise.all(
      ['many-a', 'many-b', 'many-none'].map((id) => repos.accounts.resolveUser({ platform: 'discord', platformUserId: id })),
    );
    await repos.favorites.add(a!, 3);
    await repos.favorites.add(a!, 1);
    await repos.favorites.add(b!, 2);
    await repos.feedback.record({ userId: a!, movieId: 2, value: -1, source: 'button' });
    await repos.feedback.record({ userId: b!, movieId: 3, value: 1, source: 'button' });
    await repos.feedback.record({ userId: b!, movieId: 3, value: 0, source: 'reaction' });
    await repos.feedback.record({ userId: b!, movieId: 1, value: 1, source: 'button' });
    const people = [b!, nobody!, a!];
    const favourites = await repos.favorites.listMany(people);
    const feedback = await repos.feedback.currentMany(people);
    for (const u of people) {
      expect(favourites.get(u)).toEqual(await repos.favorites.list(u));
      expect(feedback.get(u)).toEqual(await repos.feedback.current(u));
    }
    expect([...favourites.get(a!)!].sort()).toEqual([1, 3]);
    expect(feedback.get(b!)).toEqual(new Map([[1, 1]]));
    expect(favourites.get(nobody!)).toEqual([]);
    expect((await repos.favorites.listMany([])).size).toBe(0);
  });

  it('ignores a redelivered feedback event', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'telegram', platformUserId: 'fb-dup' });
    const event = { userId: u, movieId: 3, value: 1 as const, source: 'button' as const, eventKey: 'tg:update:77' };
    const results = await Promise.all([repos.feedback.record(event), repos.feedback.record(event)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repos.feedback.history(u)).toHaveLength(1);
  });

  it('gives each user one live share slug; replacing revokes the old one', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'share' });
    const [a, b] = await Promise.all([repos.sharedLists.getOrCreate(u), repos.sharedLists.getOrCreate(u)]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await repos.sharedLists.findOwner(a)).toBe(u);
    const c = await repos.sharedLists.replace(u);
    expect(c).not.toBe(a);
    expect(await repos.sharedLists.findOwner(a)).toBeNull();
    expect(await repos.sharedLists.findOwner(c)).toBe(u);
    expect(await repos.sharedLists.getOrCreate(u)).toBe(c);
    expect(await repos.sharedLists.findOwner('not-a-slug')).toBeNull();
  });

  it('creates a community once, with an unguessable trends slug, and tracks members', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'member' });
    const [c1, c2] = await Promise.all([
      repos.communities.ensure('discord', 'guild-1', 'Film Club'),
      repos.communities.ensure('discord', 'guild-1', 'Film Club'),
    ]);
    expect(c1.id).toBe(c2.id);
    expect(c1.trendsSlug).toHaveLength(24);
    expect(await repos.communities.addMember(c1.id, u)).toBe(true);
    expect(await repos.communities.addMember(c1.id, u)).toBe(false);
    expect(await repos.communities.memberIds(c1.id)).toEqual([u]);
    expect((await repos.communities.findByTrendsSlug(c1.trendsSlug))?.name).toBe('Film Club');
    await repos.communities.setTrendsEnabled(c1.id, false);
    expect((await repos.communities.findByTrendsSlug(c1.trendsSlug))?.trendsEnabled).toBe(false);
  });

  it('adds a burst of memberships in one write, keeping ones already there', async () => {
    const [a, b] = await repos.accounts.resolveUsers(['burst-member-a', 'burst-member-b'].map((id) => ({ platform: 'discord' as const, platformUserId: id })));
    const [c1, c2] = await Promise.all(['guild-burst-1', 'guild-burst-2'].map((id) => repos.communities.ensure('discord', id)));
    await repos.communities.addMember(c1!.id, a!);
    const added = await repos.communities.addMembers([
      { communityId: c1!.id, userId: b! },
      { communityId: c1!.id, userId: a! },
      { communityId: c2!.id, userId: a! },
      { communityId: c1!.id, userId: b! },
    ]);
    // Only a membership stored now is news: a was there already, b's repeat is not new twice.
    expect(added).toEqual([true, false, true, false]);
    expect(await repos.communities.addMembers([])).toEqual([]);
    expect(await repos.communities.memberIds(c1!.id)).toEqual([a, b]);
    expect(await repos.communities.memberIds(c2!.id)).toEqual([a]);
  });

  it('finds a community by id, and the communities a user is in', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'member-of-two' });
    const [a, b, other] = await Promise.all(['guild-of-a', 'guild-of-b', 'guild-other'].map((id) => repos.communities.ensure('discord', id)));
    await repos.communities.addMember(b!.id, u);
    await repos.communities.addMember(a!.id, u);
    expect(await repos.communities.communitiesOf(u)).toEqual([a!.id, b!.id].sort((x, y) => x - y));
    expect((await repos.communities.find(other!.id))?.platformCommunityId).toBe('guild-other');
    expect(await repos.communities.find(999_999)).toBeNull();
    expect(await repos.communities.communitiesOf(999_999)).toEqual([]);
  });

  it("gives a community's taste signals: its members' favourites and 👍/👎, nobody else's", async () => {
    const community = await repos.communities.ensure('telegram', 'group-signals');
    const [a, b, outsider] = await Promise.all(
      ['sig-a', 'sig-b', 'sig-out'].map((id) => repos.accounts.resolveUser({ platform: 'telegram', platformUserId: id })),
    );
    await repos.communities.addMember(community.id, a!);
    await repos.communities.addMember(community.id, b!);
    await repos.favorites.add(a!, 1);
    await repos.feedback.record({ userId: b!, movieId: 3, value: -1, source: 'button' });
    await repos.favorites.add(outsider!, 2);
    const signals = await repos.communities.tasteSignals(community.id);
    expect(signals.map(({ userId, movieId, value }) => [userId, movieId, value]).sort()).toEqual(
      [
        [a, 1, 1],
        [b, 3, -1],
      ].sort(),
    );
    expect(signals.every((s) => s.at instanceof Date)).toBe(true);
    expect(await repos.accounts.identitiesOf([outsider!, a!, 999_999], 'telegram')).toEqual([
      { platform: 'telegram', platformUserId: 'sig-out', username: null },
      { platform: 'telegram', platformUserId: 'sig-a', username: null },
    ]);
    expect(await repos.accounts.identitiesOf([a!], 'discord')).toEqual([]);
  });

  it('forgetting a user deletes everything they left', async () => {
    const u = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'forget-me' });
    const community = await repos.communities.ensure('discord', 'guild-forget');
    await repos.communities.addMember(community.id, u);
    await repos.favorites.add(u, 1);
    await repos.feedback.record({ userId: u, movieId: 2, value: -1, source: 'button', communityId: community.id });
    const slug = await repos.sharedLists.getOrCreate(u);
    await repos.accounts.deleteUser(u);
    expect(await repos.accounts.findUser('discord', 'forget-me')).toBeNull();
    expect(await repos.favorites.list(u)).toEqual([]);
    expect(await repos.feedback.history(u)).toEqual([]);
    expect(await repos.sharedLists.findOwner(slug)).toBeNull();
    expect(await repos.communities.memberIds(community.id)).toEqual([]);
  });

  it('keeps exactly one active model version', async () => {
    const base = { path: 'models/x', datasetFingerprint: 'fp', backend: 'wasm', metrics: { ndcg20: 0.3 } };
    await repos.modelVersions.register({ ...base, version: 'v1' });
    await repos.modelVersions.register({ ...base, version: 'v1' });
    await repos.modelVersions.register({ ...base, version: 'v2' });
    expect(await repos.modelVersions.active()).toBeNull();
    await repos.modelVersions.promote('v1');
    await repos.modelVersions.promote('v2');
    const active = await repos.modelVersions.active();
    expect(active?.version).toBe('v2');
    expect(active?.metrics).toEqual({ ndcg20: 0.3 });
    await expect(repos.modelVersions.promote('v9')).rejects.toThrow(/not registered/);
    expect((await repos.modelVersions.active())?.version).toBe('v2');
  });

  it('promotes only over the expected active version, one of two racing promotions', async () => {
    const base = { path: 'models/x', datasetFingerprint: 'fp', backend: 'wasm', metrics: {} };
    for (const version of ['c1', 'a', 'b']) await repos.modelVersions.register({ ...base, version });
    const before = (await repos.modelVersions.active())?.version ?? null;
    expect(await repos.modelVersions.promote('c1', { ifActive: 'not-active' })).toBe(false);
    expect((await repos.modelVersions.active())?.version ?? null).toBe(before);
    expect(await repos.modelVersions.promote('c1', { ifActive: before })).toBe(true);
    // Two retrains that both compared with c1 finish together: exactly one wins.
    const results = await Promise.all([repos.modelVersions.promote('a', { ifActive: 'c1' }), repos.modelVersions.promote('b', { ifActive: 'c1' })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await repos.modelVersions.active())?.version).toBe(results[0] ? 'a' : 'b');
  });

  it('lists the formerly active versions, the most recently promoted first', async () => {
    const base = { path: 'models/x', datasetFingerprint: 'fp', backend: 'wasm', metrics: {} };
    for (const version of ['f1', 'f2', 'f3', 'f-never']) await repos.modelVersions.register({ ...base, version });
    for (const version of ['f2', 'f1', 'f3']) await repos.modelVersions.promote(version);
    const earlier = (await repos.modelVersions.formerlyActive()).map((v) => v.version);
    expect(earlier.slice(0, 2)).toEqual(['f1', 'f2']);
    expect(earlier).not.toContain('f3');
    expect(earlier).not.toContain('f-never');
  });

  it('runs one holder of a lock at a time; a failing holder releases it', async () => {
    const events: string[] = [];
    const hold = (name: string, ms: number, fail = false) =>
      handle.database.exclusively('firstModel', async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${name} out`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([hold('a', 300, true), hold('b', 50), hold('c', 50)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
    expect(events).toHaveLength(6);
  });
});
