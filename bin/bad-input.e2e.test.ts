/**
 * Bad input on both platforms, through the real discord.js and telegraf
 * clients against the loopback fakes: every case gets a clear answer or is
 * ignored safely; nothing crashes, nothing is recorded twice.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import type { Telegraf } from 'telegraf';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { createDiscordBot } from '../bot/discord/index.ts';
import { createTelegramBot, launchTelegramBot } from '../bot/telegram/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { asMember, FakeDiscord, inGuild } from '../test/support/fake-discord.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-bad-input-');
const LONG = 'x'.repeat(10_000);
const QUERIES = ['', '   ', LONG, '🎬🍿🔥', 'فيلم الحب', 'שלום עולם', '@everyone <b>bold</b> **x** [link](http://evil) <@123> <script>'];
const CHAT_INPUT = 2;
const AUTOCOMPLETE = 4;

describe.skipIf(!ML_LATEST_SMALL.present)('bad input on Discord and Telegram', () => {
  const discord = new FakeDiscord();
  const telegram = new FakeTelegram();
  let db: TestDatabase;
  let client: Client;
  let bot: Telegraf;
  let stopTelegram: () => Promise<void>;

  beforeAll(async () => {
    await Promise.all([discord.start(), telegram.start()]);
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    await product.modelReady;
    const deps = { deps: product.deps, share: product.share, logger: silentLogger };
    client = createDiscordBot(discord.apiUrl, deps);
    const ready = new Promise((resolve) => client.once('clientReady' as never, resolve));
    await client.login('fake-token');
    await ready;
    bot = createTelegramBot('123:TEST', telegram.apiRoot, deps);
    stopTelegram = await launchTelegramBot(bot);
  }, 120_000);
  afterAll(async () => {
    await stopTelegram?.();
    await client?.destroy();
    await Promise.all([discord.stop(), telegram.stop()]);
    await db?.drop();
  });

  const events = async () => (await db.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback_events'))[0]!.n;

  describe('Discord', () => {
    const USER = '710000000000000001';
    const reply = async (id: string) =>
      (await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`))).body as { type: number; data: Record<string, unknown> };
    const fav = (value: string, extra: Record<string, unknown> = {}) =>
      discord.interaction(
        USER,
        CHAT_INPUT,
        { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value }] }] },
        extra,
      );

    it('autocomplete answers every odd query within its limits', async () => {
      for (const q of QUERIES) {
        const id = discord.interaction(USER, AUTOCOMPLETE, {
          id: '1',
          name: 'fav',
          type: 1,
          options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: q, focused: true }] }],
        });
        const choices = (await reply(id)).data.choices as { name: string; value: string }[];
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      }
    });

    it('a title that matches nothing, or an id that does not exist, gets a clear private answer and saves nothing', async () => {
      for (const q of [...QUERIES.slice(2), 'id:999999999', 'id:-1', 'id:1e9']) {
        const { data } = await reply(fav(q));
        expect(String(data.content)).toMatch(/No movie matches|not in the catalog/);
        expect(Number(data.flags) & 64).toBe(64);
      }
      const [row] = await db.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM favorites');
      expect(row!.n).toBe(0);
    });

    it('echoed text pings nobody', async () => {
      const { data } = await reply(fav('id:2571'));
      expect(data.allowed_mentions).toEqual({ parse: [] });
    });

    it('forged and stale buttons get a clear answer; nothing is recorded', async () => {
      const before = await events();
      const cases: [string, RegExp][] = [
        ['r:u:999999999', /no movie with id 999999999/],
        ['r:x:1', /expired/],
        ['r:u:1:extra', /expired/],
        ['f:1', /expired/],
        ['', /expired/],
      ];
      for (const [customId, answer] of cases) {
        const { data } = await reply(discord.click(USER, customId));
        expect(String(data.content)).toMatch(answer);
      }
      // A "more" beyond the last page stays on the last page.
      const more = await reply(discord.click(USER, 'more:99'));
      expect(more.type).toBe(7);
      expect(await events()).toBe(before);
    });

    it('the same interaction delivered twice is recorded once', async () => {
      const before = await events();
      const id = discord.snowflake();
      const payload = { custom_id: 'r:u:260', component_type: 2 };
      const message = {
        id: discord.snowflake(),
        channel_id: '500',
        content: '',
        embeds: [],
        components: [],
        author: { id: '42', username: 'moviebot', discriminator: '0', avatar: null },
        attachments: [],
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        pinned: false,
        type: 0,
        flags: 64,
      };
      const dispatch = () =>
        discord.dispatch('INTERACTION_CREATE', {
          id,
          application_id: discord.appId,
          type: 3,
          data: payload,
          channel_id: '500',
          channel: { id: '500', type: 1 },
          message,
          user: { id: USER, username: 'u', discriminator: '0', global_name: null, avatar: null },
          token: `token-${id}`,
          version: 1,
          locale: 'en-US',
          app_permissions: '0',
          entitlements: [],
          authorizing_integration_owners: { 1: USER },
          context: 1,
        });
      dispatch();
      dispatch();
      const answers = async () => discord.calls.filter((c) => c.path.startsWith(`/interactions/${id}/`));
      for (let n = 0; n < 100 && (await answers()).length < 2; n++) await new Promise((r) => setTimeout(r, 20));
      expect((await answers()).map((c) => String((c.body.data as { content: string }).content))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^👍 Star Wars/), 'Already noted.']),
      );
      expect(await events()).toBe(before + 1);
    });

    it('interactions from a guild the bot has never seen work', async () => {
      const guild = inGuild('999000000000000001', '999000000000000002');
      const member = asMember(USER);
      const pick = await reply(
        discord.interaction(
          USER,
          CHAT_INPUT,
          { id: '2', name: 'recommend', type: 1, options: [{ name: 'for', type: 3, value: 'server' }] },
          { ...guild, ...member },
        ),
      );
      expect(String(pick.data.content)).toMatch(/Server pick/);
      const trends = await reply(discord.interaction(USER, CHAT_INPUT, { id: '5', name: 'trends', type: 1 }, { ...guild, ...member }));
      expect(JSON.stringify(trends.data)).toMatch(/once 3 members/);
    });

    it('a reaction on a message that is not a card, or with another emoji, is ignored', async () => {
      const before = await events();
      const post = discord.interaction(USER, CHAT_INPUT, { id: '3', name: 'share', type: 1 });
      await reply(post);
      const notACard = discord.replyTo(post)!;
      discord.react(USER, notACard, '👍');
      const cardId = discord.interaction(USER, CHAT_INPUT, { id: '6', name: 'movie', type: 1, options: [{ name: 'movie', type: 3, value: 'id:1' }] });
      await reply(cardId);
      discord.react(USER, discord.replyTo(cardId)!, '🎉');
      discord.react(USER, { ...discord.replyTo(cardId)!, id: '1234' }, '👍');
      await new Promise((r) => setTimeout(r, 300));
      expect(await events()).toBe(before);
    });
  });

  describe('Telegram', () => {
    const USER = 9100;
    const next = async (method: string, from: number) => (await telegram.waitFor(method, () => true, from)).body;

    it('/fav with odd titles gets a clear answer, never parsed as markup', async () => {
      for (const q of QUERIES) {
        const from = telegram.calls.length;
        telegram.text(USER, `/fav ${q}`);
        const body = await next('sendMessage', from);
        expect(String(body.text)).toMatch(/Send \/fav and a title|No movie matches|Which one\?/);
        expect(body.parse_mode).toBeUndefined();
      }
    });

    it('inline queries of any size stay within Telegram limits; a garbage offset starts at the top', async () => {
      const ask = async (q: string, offset: string) => {
        const from = telegram.calls.length;
        telegram.inline(USER, q, offset);
        const body = await next('answerInlineQuery', from);
        expect((body.results as unknown[]).length).toBeLessThanOrEqual(50);
        expect(Buffer.byteLength(String(body.next_offset ?? ''))).toBeLessThanOrEqual(64);
        return (body.results as { id: string }[]).map((r) => r.id);
      };
      await ask(LONG, '');
      await ask('🎬', '');
      const top = await ask('the', '');
      expect(top.length).toBeGreaterThan(0);
      for (const garbage of ['abc', '-5', '1.5', '1e400']) expect(await ask('the', garbage)).toEqual(top);
      expect(await ask('the', '99999999')).not.toEqual(top);
    });

    it('forged callback data gets an answer and records nothing', async () => {
      const before = await events();
      for (const [data, answer] of [
        ['r:u:999999999', /no movie with id/],
        ['f:999999999', /no movie with id/],
        ['r:u:', /expired/],
        ['x'.repeat(64), /expired/],
      ] as const) {
        const from = telegram.calls.length;
        telegram.click(USER, 1, data);
        expect(String((await next('answerCallbackQuery', from)).text)).toMatch(answer);
      }
      expect(await events()).toBe(before);
    });

    it('a redelivered reaction update counts once', async () => {
      let from = telegram.calls.length;
      telegram.text(USER, '/movie jumanji');
      const card = await telegram.waitFor('sendMessage', (b) => String(b.text).startsWith('🎬'), from);
      const messageId = (card.result as { message_id: number }).message_id;
      const before = await events();
      const updateId = telegram.reaction(USER, USER, messageId, [], ['👍']);
      telegram.redeliver(updateId, {
        message_reaction: {
          chat: { id: USER, type: 'private' },
          message_id: messageId,
          user: { id: USER, is_bot: false, first_name: 'U' },
          date: 0,
          old_reaction: [],
          new_reaction: [{ type: 'emoji', emoji: '👍' }],
        },
      });
      from = telegram.calls.length;
      telegram.text(USER, '/help');
      await next('sendMessage', from);
      await new Promise((r) => setTimeout(r, 200));
      expect(await events()).toBe(before + 1);
    });
  });
});
