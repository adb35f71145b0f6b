import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '../link/link-code.ts';
import type { Platform } from '../model.ts';
import type { AccountStore, PlatformIdentity } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { FavoriteStore } from '../ports/favorite.store.ts';
import type { FeedbackStore } from '../ports/feedback.store.ts';
import type { MovieNightStore } from '../ports/movie-night.store.ts';
import type { SeenStore } from '../ports/seen.store.ts';
import type { WatchlistStore } from '../ports/watchlist.store.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';

/**
 * What linking and unlinking accounts does to a person's rows, whatever
 * keeps them: run on Postgres and PGlite (core/infra/db/account-links.contract.test.ts)
 * and on the in-memory stores the use-case tests use.
 */
export interface AccountLinkFixture {
  accounts: AccountStore;
  favorites: FavoriteStore;
  feedback: FeedbackStore;
  communities: CommunityStore;
  sharedLists: SharedListStore;
  nights: MovieNightStore;
  seen: SeenStore;
  watchlist: WatchlistStore;
  /** At least 8 film ids that exist. */
  movies: readonly number[];
  close(): Promise<void>;
}

const MINUTE = 60_000;
/** Lets the clock move on, so "newer" is unambiguous at the stores' resolution. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

export function accountLinkContract(name: string, openFixture: () => Promise<AccountLinkFixture>): void {
  describe(`account links on ${name}`, () => {
    let fx: AccountLinkFixture;
    let m: readonly number[];
    let next = 0;
    beforeAll(async () => {
      fx = await openFixture();
      m = fx.movies;
    });
    afterAll(async () => {
      await fx?.close();
    });

    const someone = (platform: Platform = 'discord'): PlatformIdentity => ({ platform, platformUserId: `link-${++next}` });
    const userOf = (i: PlatformIdentity) => fx.accounts.resolveUser(i);
    const soon = () => new Date(Date.now() + 10 * MINUTE);
    /** Two people, `a` on Discord (whose code it is) and `b` on Telegram; b redeems a's code. */
    const pair = async () => {
      const a = someone('discord');
      const b = someone('telegram');
      const [ua, ub] = [await userOf(a), await userOf(b)];
      return { a, b, ua, ub, code: await fx.accounts.createLinkCode(ua, a, soon()) };
    };

    it('draws codes of 8 unambiguous characters; a new code replaces the unused old one', async () => {
      const a = someone();
      const ua = await userOf(a);
      const expiresAt = soon();
      const first = await fx.accounts.createLinkCode(ua, a, expiresAt);
      expect(first).toMatch(new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`));
      expect(await fx.accounts.findLinkCode(first)).toEqual({ userId: ua, platform: 'discord', platformUserId: a.platformUserId, expiresAt, usedAt: null });
      const second = await fx.accounts.createLinkCode(ua, a, expiresAt);
      expect(second).not.toBe(first);
      expect(await fx.accounts.findLinkCode(first)).toBeNull();
      expect(await fx.accounts.findLinkCode('ZZZZZZZZ')).toBeNull();
    });

    it('redeeming merges the redeemer into the code’s user: identities, favourites, feedback (newest wins), history, servers', async () => {
      const { a, b, ua, ub, code } = await pair();
      const [guildA, groupB] = [await fx.communities.ensure('discord', `g-${++next}`), await fx.communities.ensure('telegram', `t-${++next}`)];
      await fx.communities.addMember(guildA.id, ua);
      await fx.communities.addMember(groupB.id, ub);
      await fx.favorites.add(ua, m[0]!);
      await fx.favorites.add(ub, m[0]!);
      await fx.favorites.add(ub, m[1]!);
      // m2: a's 👍 is older than b's 👎; m3: b's 👍 is older than a's 👎; m4 only b rated.
      await fx.feedback.record({ userId: ua, movieId: m[2]!, value: 1, source: 'button' });
      await fx.feedback.record({ userId: ub, movieId: m[3]!, value: 1, source: 'button' });
      await tick();
      await fx.feedback.record({ userId: ub, movieId: m[2]!, value: -1, source: 'button' });
      await fx.feedback.record({ userId: ua, movieId: m[3]!, value: -1, source: 'button' });
      await fx.feedback.record({ userId: ub, movieId: m[4]!, value: 1, source: 'inline', eventKey: `ev-${next}` });

      const now = new Date();
      expect(await fx.accounts.redeemLinkCode(code, ub, now)).toEqual({ userId: ua, absorbed: ub });
      expect(await fx.accounts.findUser('telegram', b.platformUserId)).toBe(ua);
      expect(await fx.accounts.findUser('discord', a.platformUserId)).toBe(ua);
      expect((await fx.accounts.identitiesOfUser(ua)).map((i) => i.platform).sort()).toEqual(['discord', 'telegram']);
      expect((await fx.favorites.list(ua)).sort()).toEqual([m[0], m[1]].sort());
      expect(Object.fromEntries(await fx.feedback.current(ua))).toEqual({ [m[2]!]: -1, [m[3]!]: -1, [m[4]!]: 1 });
      expect((await fx.feedback.history(ua)).map((e) => e.movieId).sort()).toEqual([m[2], m[2], m[3], m[3], m[4]].sort());
      expect((await fx.communities.communitiesOf(ua)).sort()).toEqual([guildA.id, groupB.id].sort());
      expect(await fx.communities.memberIds(groupB.id)).toEqual([ua]);
      expect(await fx.accounts.findLinkCode(code)).toMatchObject({ userId: ua, usedAt: now });
      // Used once: the second try claims nothing and changes nothing.
      const c = await userOf(someone('console'));
      expect(await fx.accounts.redeemLinkCode(code, c, new Date())).toBeNull();
      expect(await fx.accounts.identitiesOfUser(c)).toHaveLength(1);
    });

    it('claims nothing for an expired code, or for the code’s own user', async () => {
      const { ua, ub, code } = await pair();
      await fx.favorites.add(ub, m[5]!);
      expect(await fx.accounts.redeemLinkCode(code, ua, new Date())).toBeNull();
      expect(await fx.accounts.redeemLinkCode(code, ub, new Date(Date.now() + 11 * MINUTE))).toBeNull();
      expect(await fx.favorites.list(ub)).toEqual([m[5]]);
      expect(await fx.accounts.findLinkCode(code)).toMatchObject({ usedAt: null });
    });

    it('keeps one share page: the code user’s; the other’s stops resolving — or moves over when it is the only one', async () => {
      const both = await pair();
      const [pageA, pageB] = [await fx.sharedLists.getOrCreate(both.ua), await fx.sharedLists.getOrCreate(both.ub)];
      await fx.accounts.redeemLinkCode(both.code, both.ub, new Date());
      expect(await fx.sharedLists.findOwner(pageA)).toBe(both.ua);
      expect(await fx.sharedLists.findOwner(pageB)).toBeNull();
      expect(await fx.sharedLists.getOrCreate(both.ua)).toBe(pageA);

      const onlyB = await pair();
      const page = await fx.sharedLists.getOrCreate(onlyB.ub);
      await fx.accounts.redeemLinkCode(onlyB.code, onlyB.ub, new Date());
      expect(await fx.sharedLists.findOwner(page)).toBe(onlyB.ua);
      expect(await fx.sharedLists.getOrCreate(onlyB.ua)).toBe(page);
    });

    it('merges movie nights: one answer (the newer), votes once each, one loss, and who hosted, nominated or was planned for', async () => {
      const { ua, ub, code } = await pair();
      const community = (await fx.communities.ensure('discord', `night-${++next}`)).id;
      const night = { communityId: community, platform: 'discord' as const, channelId: 'c', startsAt: new Date('2030-01-01T20:00:00Z'), timeZone: 'UTC' };
      const { night: n } = await fx.nights.open({ ...night, hostUserId: ub, voiceChannelId: null, location: 'here', candidateCount: 3 });
      await fx.nights.setRsvp(n.id, ua, true, 'button');
      await tick();
      await fx.nights.setRsvp(n.id, ub, false, 'command');
      await fx.nights.setShortlist(n.id, [{ movieId: m[0]!, position: 0, nominatedBy: null, carriedOver: false, groupScore: 1 }], [ua, ub], [ub]);
      await fx.nights.addCandidate(n.id, { movieId: m[1]!, nominatedBy: ub, carriedOver: false, groupScore: 0 });
      await fx.nights.toggleVote(n.id, ua, m[0]!, `v-${++next}`);
      await fx.nights.toggleVote(n.id, ub, m[0]!, `v-${++next}`);
      await fx.nights.toggleVote(n.id, ub, m[1]!, `v-${++next}`);
      await fx.nights.recordLosses(n.id, [
        { userId: ua, loss: 0.25 },
        { userId: ub, loss: 0.75 },
      ]);

      await fx.accounts.redeemLinkCode(code, ub, new Date());
      const state = (await fx.nights.state(n.id))!;
      expect(state.rsvps.map((r) => [r.userId, r.going, r.via])).toEqual([[ua, false, 'command']]);
      expect(state.votes.map((v) => [v.userId, v.movieId]).sort()).toEqual([
        [ua, m[0]],
        [ua, m[1]],
      ]);
      expect(state.night.hostUserId).toBe(ua);
      expect(state.night.shortlistFor).toEqual([ua]);
      expect(state.night.favoured).toEqual([ua]);
      expect(state.candidates.find((c) => c.movieId === m[1])!.nominatedBy).toBe(ua);
      await fx.nights.transition(n.id, ['open', 'voting'], 'closed', { winnerMovieId: m[0]! });
      expect(Object.fromEntries(await fx.nights.recentLosses(community, [ua], 5))).toEqual({ [ua]: [0.25] });
    });

    it('remembers failed tries per person, oldest first', async () => {
      const ua = await userOf(someone());
      const t0 = Date.now() - 90 * MINUTE;
      for (const minutes of [0, 40, 70, 80]) await fx.accounts.recordFailedLink(ua, new Date(t0 + minutes * MINUTE));
      expect(await fx.accounts.failedLinksSince(ua, new Date(t0 + 30 * MINUTE))).toEqual([40, 70, 80].map((x) => new Date(t0 + x * MINUTE)));
      expect(await fx.accounts.failedLinksSince(await userOf(someone()), new Date(t0))).toEqual([]);
    });

    it('splitting gives the identity a new user with a copy of the taste; its platform’s servers and nights go with it', async () => {
      const { a, b, ua, ub, code } = await pair();
      const [guild, group] = [await fx.communities.ensure('discord', `sg-${++next}`), await fx.communities.ensure('telegram', `st-${++next}`)];
      await fx.communities.addMember(guild.id, ua);
      await fx.communities.addMember(group.id, ub);
      await fx.favorites.add(ub, m[6]!);
      await fx.feedback.record({ userId: ua, movieId: m[7]!, value: -1, source: 'button' });
      const { night } = await fx.nights.open({
        communityId: group.id,
        platform: 'telegram',
        channelId: 'chat',
        hostUserId: ub,
        startsAt: new Date('2030-02-01T20:00:00Z'),
        timeZone: 'UTC',
        voiceChannelId: null,
        location: null,
        candidateCount: 3,
      });
      await fx.nights.setRsvp(night.id, ub, true, 'button');
      await fx.accounts.redeemLinkCode(code, ub, new Date());
      const page = await fx.sharedLists.getOrCreate(ua);
      const pending = await fx.accounts.createLinkCode(ua, a, soon());

      const split = (await fx.accounts.splitIdentity(b))!;
      expect(split.userId).toBe(ua);
      const fresh = split.newUserId;
      expect(fresh).not.toBe(ua);
      expect(await fx.accounts.findUser('telegram', b.platformUserId)).toBe(fresh);
      expect(await fx.accounts.findUser('discord', a.platformUserId)).toBe(ua);
      for (const user of [ua, fresh]) {
        expect(await fx.favorites.list(user)).toEqual([m[6]]);
        expect(Object.fromEntries(await fx.feedback.current(user))).toEqual({ [m[7]!]: -1 });
        expect(await fx.feedback.history(user)).toHaveLength(1);
      }
      expect(await fx.communities.communitiesOf(ua)).toEqual([guild.id]);
      expect(await fx.communities.communitiesOf(fresh)).toEqual([group.id]);
      const state = (await fx.nights.state(night.id))!;
      expect(state.rsvps.map((r) => r.userId)).toEqual([fresh]);
      expect(state.night.hostUserId).toBe(fresh);
      expect(await fx.sharedLists.findOwner(page)).toBe(ua);
      expect(await fx.accounts.findLinkCode(pending)).toBeNull();
      // Each is one identity now: nothing left to split.
      expect(await fx.accounts.splitIdentity(b)).toBeNull();
      expect(await fx.accounts.splitIdentity(a)).toBeNull();
    });

    it('merges seen films and watchlists (a film either saw is seen), and splitting copies them to both', async () => {
      const { b, ua, ub, code } = await pair();
      await fx.seen.mark(ua, m[0]!, 'button');
      await fx.seen.mark(ub, m[0]!, 'import');
      await fx.seen.mark(ub, m[1]!, 'command');
      await fx.watchlist.add(ua, m[2]!);
      await fx.watchlist.add(ub, m[2]!);
      await fx.watchlist.add(ub, m[3]!);
      await fx.accounts.redeemLinkCode(code, ub, new Date());
      expect([...(await fx.seen.list(ua))].sort()).toEqual([m[0], m[1]].sort());
      expect([...(await fx.watchlist.list(ua))].sort()).toEqual([m[2], m[3]].sort());
      const { newUserId } = (await fx.accounts.splitIdentity(b))!;
      for (const user of [ua, newUserId]) {
        expect([...(await fx.seen.list(user))].sort()).toEqual([m[0], m[1]].sort());
        expect([...(await fx.watchlist.list(user))].sort()).toEqual([m[2], m[3]].sort());
      }
    });

    it('forgetting a linked person deletes them from both identities', async () => {
      const { a, b, ua, ub, code } = await pair();
      await fx.favorites.add(ub, m[0]!);
      await fx.accounts.redeemLinkCode(code, ub, new Date());
      await fx.accounts.deleteUser(ua);
      expect(await fx.accounts.findUser('discord', a.platformUserId)).toBeNull();
      expect(await fx.accounts.findUser('telegram', b.platformUserId)).toBeNull();
      expect(await fx.accounts.findLinkCode(code)).toBeNull();
    });
  });
}
