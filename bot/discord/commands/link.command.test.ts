import { Events, type Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFavorite, linkCode, listFavorites } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { createDiscordBot } from '../discord-bot.ts';
import { fakeInteraction, isEphemeral, type FakeInteraction } from '../testing/fake-interaction.ts';
import { linkCommand } from './link.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let client: Client;
beforeEach(async () => {
  d = await botDeps();
  client = createDiscordBot('http://127.0.0.1:9', d);
});
afterEach(async () => {
  await client.destroy();
});

/** Through the bot's router, as discord.js delivers it: a UserError becomes the private reply. */
async function deliver(i: FakeInteraction): Promise<FakeInteraction> {
  client.emit(Events.InteractionCreate, i as never);
  await vi.waitFor(() => expect(i.replies.length).toBeGreaterThan(0));
  return i;
}

const TELEGRAM_ANN = { platform: 'telegram' as const, platformUserId: '1001' };
const favs = async (identity: { platform: 'discord' | 'telegram'; platformUserId: string }) => (await listFavorites(d.deps, identity)).map((m) => m.id);

describe('/link', () => {
  it('without a code gives one, privately, with how to type it on each platform', async () => {
    const i = fakeInteraction({ commandName: 'link' });
    await linkCommand.execute(i as never, d);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    const code = /Your link code: (\S+)/.exec(i.replies[0]!.content!)![1]!;
    expect(i.replies[0]!.content).toContain(`Telegram: /link ${code}`);
  });

  it('with a code from Telegram makes one profile, privately', async () => {
    await addFavorite(d.deps, TELEGRAM_ANN, 21);
    await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u1' }, 1);
    const { code } = await linkCode(d.deps, TELEGRAM_ANN);
    const i = fakeInteraction({ commandName: 'link', strings: { code: ` ${code} ` } });
    await linkCommand.execute(i as never, d);
    expect(i.replies[0]!.content).toMatch(/^Linked with your Telegram account: /);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(await favs({ platform: 'discord', platformUserId: 'u1' })).toEqual([21, 1]);
    expect(await favs(TELEGRAM_ANN)).toEqual([21, 1]);
  });

  it('answers a wrong code privately in words, logs nothing, links nothing', async () => {
    const i = await deliver(fakeInteraction({ commandName: 'link', strings: { code: 'ZZZZ-ZZZZ' } }));
    expect(i.replies[0]!.content).toBe('That is not a link code. Check it, or make a new one with /link on your other account.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('after 5 wrong codes refuses the 6th with a Discord timestamp of when to try again', async () => {
    for (let n = 0; n < 5; n++) await deliver(fakeInteraction({ commandName: 'link', strings: { code: `WRONG${n}` } }));
    const { code } = await linkCode(d.deps, TELEGRAM_ANN);
    const sixth = await deliver(fakeInteraction({ commandName: 'link', strings: { code } }));
    expect(sixth.replies[0]!.content).toMatch(/^Too many wrong link codes \(5 an hour\)\. Try again <t:\d+:R>\.$/);
    expect(await d.deps.accounts.findUser('telegram', '1001')).not.toBe(await d.deps.accounts.findUser('discord', 'u1'));
  });
});
