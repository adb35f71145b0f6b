import { beforeEach, describe, expect, it } from 'vitest';
import { TasteChanges } from '../events/taste-changes.ts';
import type { ServerResultCache } from '../ports/server-result.cache.ts';
import { MemoryCommunities } from '../testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { RecordingQueue } from '../testing/recording-queue.ts';
import { smallCatalog as catalog } from '../testing/small-world.ts';
import { addFavorite, joinCommunity, linkCode, redeemLink, unlink, type CommunityDeps } from '../use-cases/index.ts';
import { subscribeBackgroundWork, subscribePublicPages } from './index.ts';

/** What linking and unlinking accounts set in motion: the same consequences as a 👍, for each person it changed. */
const ann = { platform: 'discord' as const, platformUserId: 'ann' };
const annOnTelegram = { platform: 'telegram' as const, platformUserId: '1001' };

let jobs: RecordingQueue;
let log: string[];
let deps: CommunityDeps;

beforeEach(() => {
  jobs = new RecordingQueue();
  log = [];
  const changes = new TasteChanges();
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const [seen, watchlist] = [new MemorySeen(), new MemoryWatchlist()];
  const accounts = new MemoryAccounts([], [favorites, feedback, seen, watchlist, communities]);
  const serverResults = { markStale: async (communityId: number) => void log.push(`stale c:${communityId}`) } as unknown as ServerResultCache;
  deps = { accounts, favorites, feedback, seen, watchlist, communities, catalog, model: () => null, serverResults, changes };
  subscribeBackgroundWork(changes, { jobs, communities, serverResults, log: { warn: () => undefined } });
  subscribePublicPages(changes, { dropPerson: (userId) => void log.push(`page u:${userId}`), dropCommunity: (id) => void log.push(`page c:${id}`) });
});

const settled = () => new Promise((resolve) => setImmediate(resolve));
const userOf = async (identity: typeof ann | typeof annOnTelegram) => (await deps.accounts.findUser(identity.platform, identity.platformUserId))!;

/** Ann in a Discord server and, as another person, in a Telegram group, with a favourite each; queue and log emptied. */
async function twoPeople() {
  await joinCommunity(deps, ann, { platform: 'discord', id: 'guild' });
  await joinCommunity(deps, annOnTelegram, { platform: 'telegram', id: 'group' });
  await addFavorite(deps, ann, 1);
  await addFavorite(deps, annOnTelegram, 21);
  const ids = { ann: await userOf(ann), telegram: await userOf(annOnTelegram) };
  const servers = { guild: (await deps.communities.ensure('discord', 'guild')).id, group: (await deps.communities.ensure('telegram', 'group')).id };
  await settled();
  jobs.queued.length = 0;
  log.length = 0;
  return { ids, servers };
}

describe('after a link', () => {
  it('remakes the ready list of the person who stays, refreshes every server either was in, drops both people’s pages', async () => {
    const { ids, servers } = await twoPeople();
    await redeemLink(deps, annOnTelegram, (await linkCode(deps, ann)).code);
    await settled();
    expect(jobs.of('recompute-user')).toEqual([{ userId: ids.ann }]);
    expect(jobs.of('recompute-server').sort((a, b) => a.communityId - b.communityId)).toEqual([{ communityId: servers.guild }, { communityId: servers.group }]);
    expect(log).toEqual(expect.arrayContaining([`page u:${ids.ann}`, `page u:${ids.telegram}`, `stale c:${servers.guild}`, `stale c:${servers.group}`]));
  });
});

describe('after an unlink', () => {
  it('remakes both people’s ready lists and servers, and drops both people’s pages', async () => {
    const { ids, servers } = await twoPeople();
    await redeemLink(deps, annOnTelegram, (await linkCode(deps, ann)).code);
    await settled();
    jobs.queued.length = 0;
    log.length = 0;
    const { userId } = await unlink(deps, annOnTelegram);
    await settled();
    expect(jobs.of('recompute-user')).toEqual([{ userId: ids.ann }, { userId }]);
    expect(jobs.of('recompute-server').sort((a, b) => a.communityId - b.communityId)).toEqual([{ communityId: servers.guild }, { communityId: servers.group }]);
    expect(log).toEqual(expect.arrayContaining([`page u:${ids.ann}`, `page u:${userId}`]));
  });

  it('a failed link sets nothing in motion', async () => {
    await twoPeople();
    await expect(redeemLink(deps, annOnTelegram, 'WRONGONE')).rejects.toMatchObject({ code: 'LINK_CODE_WRONG' });
    await settled();
    expect(jobs.queued).toEqual([]);
    expect(log).toEqual([]);
  });
});
