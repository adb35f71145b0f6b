import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, linkCode, listFavorites, redeemLink } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { answerInTime } from '../reply-errors.ts';
import { GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { linkHandler } from './link.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(answerInTime(d.logger), linkHandler(d));
});

const ME = { platform: 'telegram' as const, platformUserId: '1001' };
const ON_DISCORD = { platform: 'discord' as const, platformUserId: 'u1' };
const texts = () => tg.sent('sendMessage').map((m) => m.text);
const favs = async (identity: typeof ME | typeof ON_DISCORD) => (await listFavorites(d.deps, identity)).map((m) => m.id);

describe('/link', () => {
  it('gives a code in a private chat', async () => {
    await tg.message('/link');
    const code = /Your link code: (\S+)/.exec(texts()[0]!)![1]!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(texts()[0]).toContain(`Discord: /link code:${code}`);
  });

  it('in a group, gives no code and says to message the bot privately', async () => {
    await tg.message('/link', { chat: GROUP_CHAT });
    await tg.message('/link ABCDEFGH', { chat: GROUP_CHAT });
    await tg.message('/unlink', { chat: GROUP_CHAT });
    expect(texts()).toEqual(
      Array(3).fill('Linking is done in a private chat, so your code stays yours: message me at @moviebot_test_bot and send /link there.'),
    );
    expect(await d.deps.accounts.findUser('telegram', '1001')).toBeNull();
  });

  it('with a code from Discord makes one profile', async () => {
    await addFavorite(d.deps, ON_DISCORD, 1);
    await addFavorite(d.deps, ME, 21);
    const { code } = await linkCode(d.deps, ON_DISCORD);
    await tg.message(`/link ${code.toLowerCase()}`);
    expect(texts()[0]).toMatch(/^Linked with your Discord account: /);
    expect(await favs(ME)).toEqual([1, 21]);
    expect(await favs(ON_DISCORD)).toEqual([1, 21]);
  });

  it('answers a wrong, an own and a used code in words, logging nothing', async () => {
    await tg.message('/link NOPE');
    const { code } = await linkCode(d.deps, ME);
    await tg.message(`/link ${code}`);
    const { code: used } = await linkCode(d.deps, ON_DISCORD);
    await redeemLink(d.deps, { platform: 'console', platformUserId: 'x' }, used);
    await tg.message(`/link ${used}`);
    expect(texts()).toEqual([
      'That is not a link code. Check it, or make a new one with /link on your other account.',
      'That code was made on this account: type it on the account you want to link.',
      'That link code has already been used. Make a new one with /link on your other account.',
    ]);
    expect(d.logger.lines).toEqual([]);
  });
});

describe('/unlink', () => {
  it('splits this account off with a copy; not linked says so', async () => {
    await tg.message('/unlink');
    await addFavorite(d.deps, ON_DISCORD, 1);
    await redeemLink(d.deps, ME, (await linkCode(d.deps, ON_DISCORD)).code);
    await tg.message('/unlink');
    expect(texts()).toEqual([
      'This account is not linked to another one.',
      'Unlinked: this account is on its own again, with a copy of your favourites and ratings; your Discord account keeps its own.',
    ]);
    expect(await favs(ME)).toEqual([1]);
    expect(await d.deps.accounts.findUser('telegram', '1001')).not.toBe(await d.deps.accounts.findUser('discord', 'u1'));
  });
});
