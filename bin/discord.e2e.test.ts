import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { createDiscordBot } from '../bot/discord/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-discord-');
const USER = '111111111111111111';
const CHAT_INPUT = 2;
const AUTOCOMPLETE = 4;

describe.skipIf(!ML_LATEST_SMALL.present)('Discord bot through the real discord.js client against a fake gateway', () => {
  const discord = new FakeDiscord();
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

  async function autocomplete(query: string) {
    const id = discord.interaction(USER, AUTOCOMPLETE, {
      id: '1', name: 'fav', type: 1,
      options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: query, focused: true }] }],
    });
    const call = await discord.waitFor(callbackOf(id));
    return (call.body.data as { choices: { name: string; value: string }[] }).choices;
  }

  async function favAdd(movieId: string) {
    const id = discord.interaction(USER, CHAT_INPUT, {
      id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movieId }] }],
    });
    return (await discord.waitFor(callbackOf(id))).body.data as { content: string; flags: number };
  }

  async function recommendIds(): Promise<{ ids: number[]; buttons: string[] }> {
    const id = discord.interaction(USER, CHAT_INPUT, { id: '2', name: 'recommend', type: 1 });
    const data = (await discord.waitFor(callbackOf(id))).body.data as { components: { components: { custom_id: string }[] }[] };
    const buttons = data.components.flatMap((row) => row.components.map((b) => b.custom_id));
    return { ids: [...new Set(buttons.map((b) => Number(b.split(':')[2])))], buttons };
  }

  it('autocomplete answers from memory with at most 25 choices of at most 100 characters', async () => {
    const choices = await autocomplete('matrix');
    expect(choices[0]).toEqual({ name: 'The Matrix (1999)', value: '2571' });
    const many = await autocomplete('the');
    expect(many.length).toBeLessThanOrEqual(25);
    for (const c of many) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(await autocomplete('x'.repeat(10_000))).toEqual([]);
  });

  it('/fav ×3 → /recommend → 👎 one → the next list no longer has it', async () => {
    for (const movieId of ['2571', '260', '1']) expect((await favAdd(movieId)).content).toMatch(/now a favourite/);
    const first = await recommendIds();
    expect(first.ids).toHaveLength(5);
    for (const b of first.buttons) expect(b.length).toBeLessThanOrEqual(100);
    const down = first.buttons.find((b) => b.startsWith('r:d:'))!;
    const click = discord.click(USER, down);
    const update = (await discord.waitFor(callbackOf(click))).body as { type: number; data: { content: string; components: { components: { custom_id: string }[] }[] } };
    expect(update.type).toBe(7); // the list is updated in place, acknowledging at once
    expect(update.data.content).toMatch(/^👎 /);
    const inPlace = update.data.components.flatMap((r) => r.components.map((b) => Number(b.custom_id.split(':')[2])));
    expect(new Set(inPlace).size).toBe(5);
    expect(inPlace).not.toContain(Number(down.split(':')[2]));
    const second = await recommendIds();
    expect(second.ids).not.toContain(Number(down.split(':')[2]));
  });

  it('moviebot discord register puts the slash commands', async () => {
    const { runCli } = await import('../test/support/cli.ts');
    const from = discord.calls.length;
    const run = await runCli(['discord', 'register', '--guild', '777'], { DISCORD_TOKEN: 'fake', DISCORD_APP_ID: discord.appId, DISCORD_API_URL: discord.apiUrl });
    expect(run.code).toBe(0);
    const put = await discord.waitFor((c) => c.method === 'PUT' && c.path === `/applications/${discord.appId}/guilds/777/commands`, from);
    expect((put.body as unknown as { name: string }[]).map((c) => c.name)).toEqual(['fav', 'recommend', 'share', 'forget']);
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
    const guild = { guild_id: '900900900900900900', channel: { id: '501', type: 0, guild_id: '900900900900900900' }, channel_id: '501' };
    const member = (id: string) => ({ member: { user: { id, username: `m${id}`, discriminator: '0', global_name: null, avatar: null }, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: '0', pending: false } });
    const add = async (user: string, movie: string) => {
      const id = discord.interaction(user, CHAT_INPUT, { id: '1', name: 'fav', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: movie }] }] }, { ...guild, ...member(user) });
      await discord.waitFor(callbackOf(id));
    };
    await add('222222222222222222', '2571');
    await add('222222222222222222', '260');
    await add('333333333333333333', '1');
    const pick = discord.interaction('333333333333333333', CHAT_INPUT, { id: '2', name: 'recommend', type: 1, options: [{ name: 'for', type: 3, value: 'server' }] }, { ...guild, ...member('333333333333333333') });
    const reply = (await discord.waitFor(callbackOf(pick))).body.data as { content: string; flags?: number; embeds: { description: string }[] };
    expect(reply.content).toContain('picked for the 2 member(s)');
    expect((reply.flags ?? 0) & 64).toBe(0); // public
    const titles = reply.embeds[0]!.description.split('\n').filter((l) => /^\*\*\d\. /.test(l));
    expect(titles).toHaveLength(5);
    for (const liked of ['The Matrix (1999)', 'Star Wars: Episode IV', 'Toy Story (1995)']) expect(reply.embeds[0]!.description).not.toContain(`. ${liked}`);

    const dm = discord.interaction(USER, CHAT_INPUT, { id: '2', name: 'recommend', type: 1, options: [{ name: 'for', type: 3, value: 'server' }] });
    expect(((await discord.waitFor(callbackOf(dm))).body.data as { content: string }).content).toMatch(/works in a server/);
  });

  it('a forged or unknown movie id gets a clear, private answer', async () => {
    const reply = await favAdd('999999999');
    expect(reply.content).toMatch(/no movie with id 999999999/);
    expect(reply.flags & 64).toBe(64); // ephemeral
  });
});
