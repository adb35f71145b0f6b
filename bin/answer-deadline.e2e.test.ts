/**
 * What a person sees while the database never answers (a partition: the
 * connection open, no packets), through the real telegraf and discord.js
 * against loopback fakes. The stores hang the way a partitioned Postgres
 * does, so these run in seconds; bin/faults.e2e.test.ts freezes a real one.
 */
import { createServer } from 'node:net';
import type { Client } from 'discord.js';
import type { Telegraf } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot } from '../bot/discord/index.ts';
import { createTelegramBot, launchTelegramBot } from '../bot/telegram/index.ts';
import { silentLogger } from '../test/support/databases.ts';
import { asMember, FakeDiscord, inGuild } from '../test/support/fake-discord.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { memoryCommunityDeps, smallModel } from '../test/support/memory-community.ts';

const SORRY = 'Something went wrong on our side; please try again.';

/** Use-case dependencies whose every account lookup waits forever, as on a partitioned database. */
async function hangingDeps() {
  const deps = memoryCommunityDeps(await smallModel());
  const never = () => new Promise<never>(() => {});
  deps.accounts.resolveUser = never;
  deps.accounts.findUser = never;
  const share = { accounts: deps.accounts, sharedLists: {} as never, publicUrl: 'https://movies.example.org' };
  return { deps, share, logger: silentLogger };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

describe('answers while the database never answers', () => {
  it('Telegram webhook: the call is answered and the group member told to try again within 5 s', async () => {
    const api = new FakeTelegram();
    await api.start();
    cleanups.push(() => api.stop());
    const port = await freePort();
    const bot: Telegraf = createTelegramBot('123:TEST', api.apiRoot, await hangingDeps());
    const secret = 'the-webhook-secret-token';
    const stop = await launchTelegramBot(bot, { url: 'https://bot.example.org/telegram/hook', secret, port, host: '127.0.0.1' });
    cleanups.push(stop);
    // From a group: the membership bookkeeping before the handler hangs too.
    const update = {
      update_id: 5,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -77, type: 'group', title: 'Film Club' },
        from: { id: 9, is_bot: false, first_name: 'W' },
        text: '/recommend',
        entities: [{ type: 'bot_command', offset: 0, length: 10 }],
      },
    };
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(20_000),
    });
    const answeredMs = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(answeredMs).toBeLessThan(5_000);
    expect(api.calls.filter((c) => c.method === 'sendMessage').map((c) => c.body)).toEqual([expect.objectContaining({ chat_id: -77, text: SORRY })]);
    console.log(`[deadline] telegram webhook: "try again" sent and the call answered in ${answeredMs.toFixed(0)} ms`);
  }, 30_000);

  it('Telegram polling: "try again" within 5 s', async () => {
    const api = new FakeTelegram();
    await api.start();
    cleanups.push(() => api.stop());
    const stop = await launchTelegramBot(createTelegramBot('123:TEST', api.apiRoot, await hangingDeps()));
    cleanups.push(stop);
    const t0 = performance.now();
    api.text(9, '/recommend');
    const sorry = await api.waitFor('sendMessage', (b) => b.text === SORRY);
    const sorryMs = performance.now() - t0;
    expect(sorry.body.chat_id).toBe(9);
    expect(sorryMs).toBeLessThan(5_000);
    console.log(`[deadline] telegram polling: "try again" in ${sorryMs.toFixed(0)} ms`);
  }, 30_000);

  it('Discord: the interaction is answered with "try again" within its 3 s', async () => {
    const GUILD = '900900900900900900';
    const discord = new FakeDiscord([{ id: GUILD, name: 'Film Club', channelId: '501' }]);
    await discord.start();
    cleanups.push(() => discord.stop());
    const client: Client = createDiscordBot(discord.apiUrl, await hangingDeps());
    cleanups.push(() => client.destroy());
    const ready = new Promise((resolve) => client.once('clientReady' as never, resolve));
    await client.login('fake-token');
    await ready;
    const user = '111111111111111111';
    const t0 = performance.now();
    // In a server: the membership bookkeeping before the command hangs too.
    const id = discord.interaction(user, 2, { id: '2', name: 'recommend', type: 1 }, { ...inGuild(GUILD, '501'), ...asMember(user) });
    const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`));
    const answeredMs = performance.now() - t0;
    expect(call.body).toMatchObject({ type: 4, data: { content: SORRY, flags: 64 } });
    expect(answeredMs).toBeLessThan(3_000);
    console.log(`[deadline] discord: "try again" in ${answeredMs.toFixed(0)} ms`);
  }, 30_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
