import { beforeEach, describe, expect, it } from 'vitest';
import { TasteChanges, type TasteChange } from '../../events/taste-changes.ts';
import { FAILED_LINK_WINDOW_MS, LINK_CODE_TTL_MS, MAX_FAILED_LINKS } from '../../link/link-code.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import type { RecommendationCache } from '../../ports/recommendation.cache.ts';
import { MemoryCommunities } from '../../testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from '../../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../testing/memory-taste-lists.ts';
import { smallCatalog as catalog } from '../../testing/small-world.ts';
import { addFavorite, forgetUser, joinCommunity, listFavorites, recordFeedback, shareLink, type CommunityDeps } from '../index.ts';
import { linkCode, redeemLink, unlink } from './index.ts';

const ann: PlatformIdentity = { platform: 'discord', platformUserId: 'ann' };
const annOnTelegram: PlatformIdentity = { platform: 'telegram', platformUserId: '1001' };
const bob: PlatformIdentity = { platform: 'console', platformUserId: 'bob' };
const MINUTE = 60_000;

let now: Date;
let deps: CommunityDeps & { now: () => Date; accounts: MemoryAccounts };
let announced: TasteChange[];
let dropped: number[];
let sharedLists: MemorySharedLists;

beforeEach(() => {
  now = new Date('2030-03-01T12:00:00Z');
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  sharedLists = new MemorySharedLists();
  const [seen, watchlist] = [new MemorySeen(), new MemoryWatchlist()];
  const accounts = new MemoryAccounts([(userId) => communities.dropUser(userId)], [favorites, feedback, seen, watchlist, communities, sharedLists]);
  const changes = new TasteChanges();
  announced = [];
  dropped = [];
  changes.subscribe((change) => announced.push(change));
  const recommendations = { invalidate: async (userId: number) => void dropped.push(userId) } as unknown as RecommendationCache;
  deps = { accounts, favorites, feedback, seen, watchlist, communities, catalog, model: () => null, recommendations, changes, now: () => now };
});

const favs = async (identity: PlatformIdentity) => (await listFavorites(deps, identity)).map((m) => m.id);
const later = (ms: number) => (now = new Date(now.getTime() + ms));
const userOf = (identity: PlatformIdentity) => deps.accounts.findUser(identity.platform, identity.platformUserId);

describe('linkCode', () => {
  it('gives an 8-character code that lasts ten minutes; a new one replaces it', async () => {
    const { code, expiresAt } = await linkCode(deps, ann);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(expiresAt).toEqual(new Date(now.getTime() + LINK_CODE_TTL_MS));
    const second = await linkCode(deps, ann);
    await expect(redeemLink(deps, annOnTelegram, code)).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
    expect((await redeemLink(deps, annOnTelegram, second.code)).userId).toBe(await userOf(ann));
  });
});

describe('redeemLink', () => {
  it("makes two identities one person: the code's person stays and has both tastes, servers and one share page", async () => {
    await addFavorite(deps, ann, 1);
    await addFavorite(deps, annOnTelegram, 21);
    await recordFeedback(deps, { identity: annOnTelegram, movieId: 41, value: -1, source: 'button' });
    await joinCommunity(deps, annOnTelegram, { platform: 'telegram', id: 'club' });
    const page = await shareLink({ accounts: deps.accounts, sharedLists, publicUrl: 'https://m.example' }, annOnTelegram);
    const [annId, telegramId] = [await userOf(ann), await userOf(annOnTelegram)];
    announced.length = 0;
    dropped.length = 0;

    const { code } = await linkCode(deps, ann);
    // Typed as people type it: lower case, a space, a dash.
    const typed = `${code.slice(0, 4).toLowerCase()} -${code.slice(4)}`;
    expect(await redeemLink(deps, annOnTelegram, typed)).toEqual({ userId: annId, absorbed: telegramId, linkedWith: 'discord' });

    expect(await favs(ann)).toEqual([1, 21]);
    expect(await favs(annOnTelegram)).toEqual([1, 21]);
    expect(await userOf(annOnTelegram)).toBe(annId);
    expect(Object.fromEntries(await deps.feedback.current(annId!))).toEqual({ 41: -1 });
    expect(await deps.communities.communitiesOf(annId!)).toHaveLength(1);
    expect(await sharedLists.findOwner(page.split('/l/')[1]!)).toBe(annId);
    // Both ready lists dropped before the announcement that remakes them.
    expect(dropped).toEqual([annId, telegramId]);
    expect(announced).toEqual([{ type: 'people-merged', userId: annId, absorbed: telegramId }]);
  });

  it('refuses a wrong code, an expired code and a used code, and changes nothing', async () => {
    await addFavorite(deps, bob, 41);
    await expect(redeemLink(deps, bob, 'hello')).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
    await expect(redeemLink(deps, bob, 'ABCDEFGH')).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });

    const { code } = await linkCode(deps, ann);
    later(LINK_CODE_TTL_MS);
    await expect(redeemLink(deps, bob, code)).rejects.toMatchObject({ code: 'LINK_CODE_EXPIRED' });

    const fresh = await linkCode(deps, ann);
    await redeemLink(deps, annOnTelegram, fresh.code);
    await expect(redeemLink(deps, bob, fresh.code)).rejects.toMatchObject({ code: 'LINK_CODE_USED' });

    expect(await favs(bob)).toEqual([41]);
    expect(await deps.accounts.identitiesOfUser((await userOf(bob))!)).toHaveLength(1);
    expect(announced.filter((c) => c.type === 'people-merged')).toHaveLength(1);
  });

  it('refuses the 6th failed try within the hour, even with a right code, and says when to try again', async () => {
    const first = new Date(now);
    for (let n = 0; n < MAX_FAILED_LINKS; n++) {
      await expect(redeemLink(deps, bob, `WRONG${n}`)).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
      later(MINUTE);
    }
    const { code } = await linkCode(deps, ann);
    const refused = redeemLink(deps, bob, code);
    await expect(refused).rejects.toMatchObject({
      code: 'LINK_TOO_MANY_TRIES',
      details: { limit: MAX_FAILED_LINKS, retryAt: new Date(first.getTime() + FAILED_LINK_WINDOW_MS) },
    });
    // Refused tries do not count: once the first failure is an hour old, one more try is allowed.
    now = new Date(first.getTime() + FAILED_LINK_WINDOW_MS + 1);
    const { code: fresh } = await linkCode(deps, ann);
    expect((await redeemLink(deps, bob, fresh)).userId).toBe(await userOf(ann));
  });

  it('counts tries per person: linked identities share one limit, someone else has their own', async () => {
    await redeemLink(deps, annOnTelegram, (await linkCode(deps, ann)).code);
    for (let n = 0; n < MAX_FAILED_LINKS; n++) await expect(redeemLink(deps, ann, 'nope')).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
    await expect(redeemLink(deps, annOnTelegram, 'nope')).rejects.toMatchObject({ code: 'LINK_TOO_MANY_TRIES' });
    await expect(redeemLink(deps, bob, 'nope')).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
  });

  it("a person's own code on the same account, or on one already linked, is said so and is not a failed try", async () => {
    const { code } = await linkCode(deps, ann);
    for (let n = 0; n < MAX_FAILED_LINKS + 1; n++) await expect(redeemLink(deps, ann, code)).rejects.toMatchObject({ code: 'LINK_OWN_CODE' });
    await redeemLink(deps, annOnTelegram, code);
    const again = await linkCode(deps, annOnTelegram);
    await expect(redeemLink(deps, ann, again.code)).rejects.toMatchObject({ code: 'ALREADY_LINKED' });
    // The code stays good for a third account.
    expect((await redeemLink(deps, bob, again.code)).userId).toBe(await userOf(ann));
    expect(await deps.accounts.failedLinksSince((await userOf(ann))!, new Date(0))).toEqual([]);
  });
});

describe('unlink', () => {
  it('splits the identity off with a copy of the taste; each then changes on its own', async () => {
    await addFavorite(deps, ann, 1);
    await redeemLink(deps, annOnTelegram, (await linkCode(deps, ann)).code);
    const annId = await userOf(ann);
    announced.length = 0;
    dropped.length = 0;

    const { userId, others } = await unlink(deps, annOnTelegram);
    expect(others).toEqual(['discord']);
    expect(await userOf(annOnTelegram)).toBe(userId);
    expect(announced).toEqual([{ type: 'person-split', userId: annId, newUserId: userId }]);
    expect(dropped).toEqual([annId, userId]);
    await addFavorite(deps, annOnTelegram, 21);
    expect(await favs(ann)).toEqual([1]);
    expect(await favs(annOnTelegram)).toEqual([1, 21]);
  });

  it('is NOT_LINKED for an account linked to nothing, or unknown', async () => {
    await addFavorite(deps, ann, 1);
    await expect(unlink(deps, ann)).rejects.toMatchObject({ code: 'NOT_LINKED' });
    await expect(unlink(deps, { platform: 'telegram', platformUserId: 'stranger' })).rejects.toMatchObject({ code: 'NOT_LINKED' });
    expect(announced.filter((c) => c.type === 'person-split')).toEqual([]);
  });
});

describe('forget after linking', () => {
  it('either identity forgets the whole person', async () => {
    await addFavorite(deps, ann, 1);
    await redeemLink(deps, annOnTelegram, (await linkCode(deps, ann)).code);
    expect(await forgetUser(deps, annOnTelegram)).toBe(true);
    expect(await userOf(ann)).toBeNull();
    expect(await userOf(annOnTelegram)).toBeNull();
    expect(await favs(ann)).toEqual([]);
  });
});
