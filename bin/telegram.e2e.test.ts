import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Telegraf } from 'telegraf';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { createTelegramBot, launchTelegramBot } from '../bot/telegram/index.ts';

const tmp = useTempDirs('moviebot-telegram-');
const USER = 7001;

describe.skipIf(!ML_LATEST_SMALL.present)('Telegram bot through the real telegraf against a fake Bot API', () => {
  const api = new FakeTelegram();
  let db: TestDatabase;
  let bot: Telegraf;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    await api.start();
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir, PUBLIC_URL: 'https://movies.example.org' });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    await product.modelReady;
    bot = createTelegramBot('123:TEST', api.apiRoot, { deps: product.deps, share: product.share, logger: silentLogger });
    stop = await launchTelegramBot(bot);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
    await api.stop();
    await db?.drop();
  });

  /** Sends /fav <title> and taps the first match. */
  async function addFavorite(title: string, expected: RegExp, user = USER) {
    const from = api.calls.length;
    api.text(user, `/fav ${title}`);
    const list = await api.waitFor('sendMessage', (b) => b.text === 'Which one?', from);
    const keyboard = (list.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(keyboard[0]![0]!.text).toMatch(expected);
    for (const row of keyboard) expect(Buffer.byteLength(row[0]!.callback_data)).toBeLessThanOrEqual(64);
    api.click(user, 1, keyboard[0]![0]!.callback_data);
    await api.waitFor('editMessageText', (b) => /favourite/.test(String(b.text)), from);
  }

  async function recommendList(): Promise<{ text: string; buttons: string[] }> {
    const from = api.calls.length;
    api.text(USER, '/recommend');
    const msg = await api.waitFor('sendMessage', (b) => String(b.text).startsWith('You might like'), from);
    const keyboard = (msg.body.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard;
    return { text: String(msg.body.text), buttons: keyboard.flat().map((b) => b.callback_data) };
  }

  it('registers its commands and answers /start with a shared-list deep link', async () => {
    expect((await api.waitFor('setMyCommands')).body.commands).toEqual(expect.arrayContaining([expect.objectContaining({ command: 'recommend' })]));
    const from = api.calls.length;
    api.text(USER, '/start list_AbCdEfGhIjKlMnOpQrStUvWx');
    const reply = await api.waitFor('sendMessage', () => true, from);
    expect(reply.body.text).toContain('https://movies.example.org/l/AbCdEfGhIjKlMnOpQrStUvWx');
  });

  it('/fav ×3 → /recommend → 👎 one → the next list no longer has it', async () => {
    await addFavorite('matirx', /^The Matrix \(1999\)/);
    await addFavorite('star wars', /^Star Wars: Episode IV/);
    await addFavorite('lord rings', /^The Lord of the Rings/);
    const first = await recommendList();
    expect(first.text.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(5);
    expect(first.text).toContain('because you liked');
    const down = first.buttons.find((b) => b.startsWith('r:d:'))!;
    const movieId = Number(down.split(':')[2]);
    const from = api.calls.length;
    const updateId = api.click(USER, 2, down, 'tap-1');
    await api.waitFor('answerCallbackQuery', (b) => String(b.text).startsWith('👎'), from);
    // The same update delivered twice is handled once.
    api.redeliver(updateId, { callback_query: { id: 'tap-1', from: { id: USER, is_bot: false, first_name: 'U' }, chat_instance: 'ci', data: down } });
    const second = await recommendList();
    expect(second.buttons.map((b) => Number(b.split(':')[2]))).not.toContain(movieId);
    const [row] = await db.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback_events');
    expect(row!.n).toBe(1);
  });

  it('inline mode: a title searches page by page; an empty query answers the user’s own list', async () => {
    let from = api.calls.length;
    api.inline(USER, 'star');
    const page1 = await api.waitFor('answerInlineQuery', () => true, from);
    const results = page1.body.results as { id: string; title: string; reply_markup: unknown }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(50);
    expect(results[0]!.title).toMatch(/Star/);
    expect(JSON.stringify(results[0]!.reply_markup)).toMatch(/r:u:\d+/);
    expect(Buffer.byteLength(String(page1.body.next_offset))).toBeLessThanOrEqual(64);
    expect(page1.body.next_offset).toBe('20');
    from = api.calls.length;
    api.inline(USER, 'star', '20');
    const page2 = await api.waitFor('answerInlineQuery', () => true, from);
    const ids1 = new Set(results.map((r) => r.id));
    for (const r of page2.body.results as { id: string }[]) expect(ids1.has(r.id)).toBe(false);
    from = api.calls.length;
    api.inline(USER, '');
    const mine = await api.waitFor('answerInlineQuery', () => true, from);
    expect(mine.body.is_personal).toBe(true);
    expect((mine.body.results as unknown[]).length).toBe(20);
  });

  it('answers forged or stale buttons and empty input without crashing', async () => {
    let from = api.calls.length;
    api.click(USER, 3, 'r:u:999999999');
    expect((await api.waitFor('answerCallbackQuery', () => true, from)).body.text).toMatch(/no movie with id 999999999/);
    from = api.calls.length;
    api.click(USER, 3, 'garbage-data');
    expect((await api.waitFor('answerCallbackQuery', () => true, from)).body.text).toMatch(/expired/);
    from = api.calls.length;
    api.text(USER, '/fav');
    expect((await api.waitFor('sendMessage', () => true, from)).body.text).toMatch(/Send \/fav and a title/);
    from = api.calls.length;
    api.text(USER, `/fav ${'x'.repeat(10_000)}`);
    expect((await api.waitFor('sendMessage', () => true, from)).body.text).toMatch(/No movie matches/);
  });

  it('/share gives a link and /forget removes the user after confirming', async () => {
    let from = api.calls.length;
    api.text(USER, '/share');
    expect((await api.waitFor('sendMessage', () => true, from)).body.text).toMatch(/https:\/\/movies\.example\.org\/l\/[A-Za-z0-9_-]{24}/);
    from = api.calls.length;
    api.text(USER, '/forget');
    await api.waitFor('sendMessage', (b) => String(b.text).includes('deletes'), from);
    api.click(USER, 4, 'x:forget');
    expect((await api.waitFor('editMessageText', () => true, from)).body.text).toMatch(/deleted/);
    const [row] = await db.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform_accounts WHERE platform_user_id = '${USER}'`);
    expect(row!.n).toBe(0);
  });

  const GROUP = { id: -100777, type: 'supergroup', title: 'Film <b>Club</b>' };
  const stanceOf = async (user: number, movieId: number) => {
    const rows = await db.database.sql.query<{ value: number }>(
      `SELECT f.value FROM feedback f JOIN platform_accounts a ON a.user_id = f.user_id WHERE a.platform_user_id = '${user}' AND f.movie_id = ${movieId}`,
    );
    return rows[0]?.value ?? 0;
  };
  const settled = async (user: number, movieId: number, want: number) => {
    for (let n = 0; n < 100 && (await stanceOf(user, movieId)) !== want; n++) await new Promise((r) => setTimeout(r, 20));
    return stanceOf(user, movieId);
  };

  it('in a group: /trends once three members shared their taste, and /recommend group names who it is for', async () => {
    const members = [8001, 8002, 8003];
    await addFavorite('heat', /^Heat \(1995\)/, 8001);
    await addFavorite('heat', /^Heat \(1995\)/, 8002);
    await addFavorite('alien', /^Alien \(1979\)/, 8003);
    const trends = async (user: number) => {
      const from = api.calls.length;
      api.text(user, '/trends', GROUP);
      return String((await api.waitFor('sendMessage', (b) => b.chat_id === GROUP.id, from)).body.text);
    };
    expect(await trends(8001)).toMatch(/once 3 members have shared their taste \(so far 1\)/);
    await trends(8002);
    const shown = await trends(8003);
    expect(shown).toMatch(/from 3 members/);
    expect(shown).toContain('• Heat (1995) — 👍 2');
    expect(shown).toMatch(/Charts: https:\/\/movies\.example\.org\/s\/[A-Za-z0-9_-]{24}/);
    const from = api.calls.length;
    api.text(8001, '/recommend group', GROUP);
    const pick = String((await api.waitFor('sendMessage', (b) => b.chat_id === GROUP.id, from)).body.text);
    expect(pick).toMatch(/^🍿 Group pick — picked for user8001, user8002, user8003:/);
    expect(pick.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(5);
    api.text(members[0]!, '/trends');
    expect(String((await api.waitFor('sendMessage', (b) => b.chat_id === members[0], from)).body.text)).toMatch(/add me to one/);
  });

  it('👍/👎 reactions on a /movie card count; taking one away takes it back', async () => {
    let from = api.calls.length;
    api.text(8001, '/movie toy story', GROUP);
    const card = await api.waitFor('sendMessage', (b) => String(b.text).startsWith('🎬 Toy Story (1995)'), from);
    const messageId = (card.result as { message_id: number }).message_id;
    api.reaction(8002, GROUP.id, messageId, [], ['👍']);
    expect(await settled(8002, 1, 1)).toBe(1);
    api.reaction(8002, GROUP.id, messageId, ['👍'], ['👎']);
    expect(await settled(8002, 1, -1)).toBe(-1);
    api.reaction(8002, GROUP.id, messageId, ['👎'], []);
    expect(await settled(8002, 1, 0)).toBe(0);
    // A reaction on a message that is not a card is ignored.
    api.reaction(8002, GROUP.id, 999_999, [], ['👍']);
    from = api.calls.length;
    api.text(8002, '/help');
    await api.waitFor('sendMessage', () => true, from);
    const [row] = await db.database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback_events e JOIN platform_accounts a ON a.user_id = e.user_id WHERE a.platform_user_id = '8002'`,
    );
    expect(row!.n).toBe(3);
  });

  it('a reaction on a card sent through inline mode counts too', async () => {
    const from = api.calls.length;
    api.inline(8003, 'jumanji');
    const [result] = (await api.waitFor('answerInlineQuery', () => true, from)).body.results as {
      input_message_content: { message_text: string };
      reply_markup: unknown;
    }[];
    const { messageId } = api.viaBot(8003, GROUP.id, result!.input_message_content.message_text, result!.reply_markup);
    api.reaction(8001, GROUP.id, messageId, [], ['👎']);
    expect(await settled(8001, 2, -1)).toBe(-1);
  });
});

describe.skipIf(!ML_LATEST_SMALL.present)('Telegram webhook mode', () => {
  it('registers the webhook with a secret token and takes only updates that carry it', async () => {
    const api = new FakeTelegram();
    await api.start();
    const db = await freshPglite();
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    const bot = createTelegramBot('123:TEST', api.apiRoot, { deps: product.deps, share: product.share, logger: silentLogger });
    const secret = 'the-webhook-secret-token';
    const stop = await launchTelegramBot(bot, { url: 'https://bot.example.org/telegram/hook', secret, port, host: '127.0.0.1' });
    try {
      const set = await api.waitFor('setWebhook');
      expect(set.body).toMatchObject({ url: 'https://bot.example.org/telegram/hook', secret_token: secret });
      expect(set.body.allowed_updates).toEqual(expect.arrayContaining(['message_reaction', 'inline_query']));
      const post = (token: string, updateId: number) =>
        fetch(`http://127.0.0.1:${port}/telegram/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token },
          body: JSON.stringify({
            update_id: updateId,
            message: {
              message_id: 1,
              date: 0,
              chat: { id: 9, type: 'private' },
              from: { id: 9, is_bot: false, first_name: 'W' },
              text: '/help',
              entities: [{ type: 'bot_command', offset: 0, length: 5 }],
            },
          }),
        });
      expect((await post('forged', 1)).status).toBe(403);
      expect((await post(secret, 2)).status).toBe(200);
      const help = await api.waitFor('sendMessage');
      expect(help.body).toMatchObject({ chat_id: 9 });
      expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    } finally {
      await stop();
      await api.stop();
      await db.drop();
    }
  }, 60_000);
});
