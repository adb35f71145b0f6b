import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { createDiscordBot } from '../bot/discord/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { asMember, FakeDiscord, inGuild } from '../test/support/fake-discord.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-discord-');
const USER = '111111111111111111';
const CHAT_INPUT = 2;
const AUTOCOMPLETE = 4;

describe.skipIf(!ML_LATEST_SMALL.present)('Discord bot through the real discord.js client against a fake gateway', () => {
  const GUILD = '900900900900900900';
  const discord = new FakeDiscord([{ id: GUILD, name: 'Film Club', channelId: '501' }]);
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    await discord.start();
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    await product.modelReady;
    client = createDiscordBot(discord.apiUrl, { deps: product.deps, share: product.share, logger: silentLogger });
    const ready = new Promise((resolve) => client.once('clientReady' as never, resolve));
    await client.login('fake-token');
    await ready;
  }, 120_000);
  afterAll(async () => {
    await client?.destroy();
    await discord.stop();
    await db?.drop();
  });

  const callbackOf = (id: string) => (c: { path: string }) => c.path.startsWith(`/interactions/${id}/`);
  const guild = inGuild(GUILD, '501');
  const add = async (user: string, movie: string) => {
    const id = discord.interaction(
      user,
      CHAT_INPUT,
      { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movie }] }] },
      { ...guild, ...asMember(user) },
    );
    await discord.waitFor(callbackOf(id));
  };

  async function autocomplete(query: string) {
    const id = discord.interaction(USER, AUTOCOMPLETE, {
      id: '1',
      name: 'fav',
      type: 1,
      options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: query, focused: true }] }],
    });
    const call = await discord.waitFor(callbackOf(id));
    return (call.body.data as { choices: { name: string; value: string }[] }).choices;
  }

  async function favAdd(movieId: string) {
    const id = discord.interaction(USER, CHAT_INPUT, {
      id: '1',
      name: 'fav',
      type: 1,
      options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movieId }] }],
    });
    return (await discord.waitFor(callbackOf(id))).body.data as { content: string; flags: number };
  }

  type ListData = { embeds: { fields: { name: string }[] }[]; components: { components: { custom_id: string }[] }[] };
  const idsOf = (data: ListData) =>
    data.components
      .flatMap((row) => row.components.map((b) => b.custom_id))
      .filter((b) => b.startsWith('r:u:'))
      .map((b) => Number(b.split(':')[2]));

  async function recommendIds(): Promise<{ ids: number[]; buttons: string[] } & ListData> {
    const id = discord.interaction(USER, CHAT_INPUT, { id: '2', name: 'recommend', type: 1 });
    const data = (await discord.waitFor(callbackOf(id))).body.data as ListData;
    const buttons = data.components.flatMap((row) => row.components.map((b) => b.custom_id));
    expect(data.embeds[0]!.fields).toHaveLength(5);
    return { ...data, ids: idsOf(data), buttons };
  }

  it('autocomplete answers from memory with at most 25 choices of at most 100 characters', async () => {
    const choices = await autocomplete('matrix');
    expect(choices[0]).toEqual({ name: 'The Matrix (1999)', value: 'id:2571' });
    const many = await autocomplete('the');
    expect(many.length).toBeLessThanOrEqual(25);
    for (const c of many) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(await autocomplete('x'.repeat(10_000))).toEqual([]);
  });

  it('/fav ×3 → /recommend → 👎 one → the next list no longer has it', async () => {
    for (const movieId of ['id:2571', 'id:260', 'id:1']) expect((await favAdd(movieId)).content).toMatch(/now a favourite/);
    const first = await recommendIds();
    expect(first.ids).toHaveLength(5);
    for (const b of first.buttons) expect(b.length).toBeLessThanOrEqual(100);
    const down = first.buttons.find((b) => b.startsWith('r:d:'))!;
    const click = discord.click(USER, down, { embeds: first.embeds, components: first.components });
    const update = (await discord.waitFor(callbackOf(click))).body as { type: number; data: ListData & { content: string } };
    expect(update.type).toBe(7); // the list is updated in place, acknowledging at once
    expect(update.data.content).toMatch(/^👎 .* noted/);
    const inPlace = idsOf(update.data);
    const slot = first.ids.indexOf(Number(down.split(':')[2]));
    expect(inPlace).toHaveLength(5);
    expect(inPlace).not.toContain(Number(down.split(':')[2]));
    // The other four stay where they were; a fresh movie takes the rated one's place.
    expect(inPlace.filter((_, n) => n !== slot)).toEqual(first.ids.filter((_, n) => n !== slot));
    expect(first.ids).not.toContain(inPlace[slot]);
    const second = await recommendIds();
    expect(second.ids).not.toContain(Number(down.split(':')[2]));
  });

  it('"more" shows the next five, never the ones already shown', async () => {
    const first = await recommendIds();
    expect(first.buttons).toContain('more:1');
    const more = discord.click(USER, 'more:1', { embeds: first.embeds, components: first.components });
    const page = (await discord.waitFor(callbackOf(more))).body as { type: number; data: ListData };
    expect(page.type).toBe(7);
    const next = idsOf(page.data);
    expect(next).toHaveLength(5);
    for (const id of next) expect(first.ids).not.toContain(id);
    expect(page.data.components.flatMap((r) => r.components.map((b) => b.custom_id))).toContain('more:2');
  });

  it('moviebot discord register puts the slash commands', async () => {
    const { runCli } = await import('../test/support/cli.ts');
    const from = discord.calls.length;
    const run = await runCli(['discord', 'register', '--guild', '777'], {
      DISCORD_TOKEN: 'fake',
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(run.code).toBe(0);
    const put = await discord.waitFor((c) => c.method === 'PUT' && c.path === `/applications/${discord.appId}/guilds/777/commands`, from);
    expect((put.body as unknown as { name: string }[]).map((c) => c.name)).toEqual([
      'fav',
      'recommend',
      'movie',
      'share',
      'trends',
      'forget',
      'link',
      'unlink',
      'movienight',
      'watchlist',
      'import',
    ]);
  });

  it('/share gives a link; /forget deletes the user after the confirm button', async () => {
    const share = discord.interaction(USER, CHAT_INPUT, { id: '3', name: 'share', type: 1 });
    const link = ((await discord.waitFor(callbackOf(share))).body.data as { content: string }).content;
    expect(link).toMatch(/\/l\/[A-Za-z0-9_-]{24}$/);
    const ask = discord.interaction(USER, CHAT_INPUT, { id: '4', name: 'forget', type: 1 });
    const prompt = (await discord.waitFor(callbackOf(ask))).body.data as { components: { components: { custom_id: string }[] }[] };
    expect(prompt.components[0]!.components[0]!.custom_id).toBe('x:forget');
    const [before] = await db.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform_accounts WHERE platform_user_id = '${USER}'`);
    expect(before!.n).toBe(1);
    const confirm = discord.click(USER, 'x:forget');
    const done = (await discord.waitFor(callbackOf(confirm))).body as { type: number; data: { content: string } };
    expect(done.type).toBe(7); // UPDATE_MESSAGE
    expect(done.data.content).toMatch(/deleted/);
    const [after] = await db.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform_accounts WHERE platform_user_id = '${USER}'`);
    expect(after!.n).toBe(0);
  });

  it('/recommend for:server picks for the members who told the bot their taste, in public', async () => {
    await add('222222222222222222', 'id:2571');
    await add('222222222222222222', 'id:260');
    await add('333333333333333333', 'id:1');
    const pick = discord.interaction(
      '333333333333333333',
      CHAT_INPUT,
      { id: '2', name: 'recommend', type: 1, options: [{ name: 'for', type: 3, value: 'server' }] },
      { ...guild, ...asMember('333333333333333333') },
    );
    const reply = (await discord.waitFor(callbackOf(pick))).body.data as {
      content: string;
      flags?: number;
      embeds: { fields: { name: string }[] }[];
      allowed_mentions: { parse: string[] };
    };
    // Who it is for, by mention: names show, nobody is pinged.
    expect(reply.content).toContain('picked for <@222222222222222222>, <@333333333333333333>');
    expect(reply.allowed_mentions.parse).toEqual([]);
    expect((reply.flags ?? 0) & 64).toBe(0); // public
    const titles = reply.embeds[0]!.fields.map((f) => f.name);
    expect(titles).toHaveLength(5);
    for (const liked of ['The Matrix (1999)', 'Star Wars: Episode IV', 'Toy Story (1995)']) expect(titles.join('\n')).not.toContain(`. ${liked}`);

    const dm = discord.interaction(USER, CHAT_INPUT, { id: '2', name: 'recommend', type: 1, options: [{ name: 'for', type: 3, value: 'server' }] });
    expect(((await discord.waitFor(callbackOf(dm))).body.data as { content: string }).content).toMatch(/works in a server/);
  });

  it('a forged or unknown movie id gets a clear, private answer', async () => {
    const reply = await favAdd('id:999999999');
    expect(reply.content).toMatch(/not in the catalog/);
    expect(reply.flags & 64).toBe(64); // ephemeral
  });

  it('/trends shows the server taste once three members contributed, with its page link', async () => {
    const trends = async () => {
      const id = discord.interaction('444444444444444444', CHAT_INPUT, { id: '5', name: 'trends', type: 1 }, { ...guild, ...asMember('444444444444444444') });
      return (await discord.waitFor(callbackOf(id))).body.data as {
        embeds: { title: string; fields: { name: string; value: string }[]; footer: { text: string } }[];
      };
    };
    expect((await trends()).embeds[0]!.title).toMatch(/once 3 members/);
    await add('444444444444444444', 'id:2571');
    const shown = (await trends()).embeds[0]!;
    expect(shown.title).toMatch(/from 3 members/);
    expect(shown.fields.find((f) => f.name === 'Most liked')!.value).toContain('The Matrix (1999) — 👍 2');
    expect(shown.footer.text).toMatch(/\/s\/[A-Za-z0-9_-]{24}$/);
    const off = discord.interaction(
      '444444444444444444',
      CHAT_INPUT,
      { id: '5', name: 'trends', type: 1, options: [{ name: 'page', type: 3, value: 'off' }] },
      { ...guild, ...asMember('444444444444444444') },
    );
    expect(((await discord.waitFor(callbackOf(off))).body.data as { content: string }).content).toMatch(/Only members who can manage/);
  });

  it('👍/👎 reactions on a movie card count, and removing one takes it back', async () => {
    const REACTOR = '555555555555555555';
    const post = discord.interaction(
      REACTOR,
      CHAT_INPUT,
      { id: '6', name: 'movie', type: 1, options: [{ name: 'movie', type: 3, value: 'heat' }] },
      { ...guild, ...asMember(REACTOR) },
    );
    const card = (await discord.waitFor(callbackOf(post))).body.data as { embeds: { title: string; url: string }[] };
    expect(card.embeds[0]!.title).toBe('Heat (1995)');
    const message = discord.replyTo(post)!;
    const stance = async () => {
      const rows = await db.database.sql.query<{ value: number }>(
        `SELECT f.value FROM feedback f JOIN platform_accounts a ON a.user_id = f.user_id WHERE a.platform_user_id = '${REACTOR}' AND f.movie_id = 6`,
      );
      return rows[0]?.value ?? 0;
    };
    const settled = async (want: number) => {
      for (let n = 0; n < 100 && (await stance()) !== want; n++) await new Promise((r) => setTimeout(r, 20));
      return stance();
    };
    discord.react(REACTOR, message, '👍');
    expect(await settled(1)).toBe(1);
    discord.react(REACTOR, message, '👎');
    expect(await settled(-1)).toBe(-1);
    // Removing the earlier 👍 leaves the 👎; removing the 👎 takes it back.
    discord.react(REACTOR, message, '👍', false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await stance()).toBe(-1);
    discord.react(REACTOR, message, '👎', false);
    expect(await settled(0)).toBe(0);
    const [events] = await db.database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback_events e JOIN platform_accounts a ON a.user_id = e.user_id WHERE a.platform_user_id = '${REACTOR}'`,
    );
    expect(events!.n).toBe(3);
  });
});
