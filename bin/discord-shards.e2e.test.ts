/**
 * A large bot splits its gateway shards between processes (DISCORD_SHARDS):
 * each client identifies as its shards and answers the guilds Discord routes
 * to them, through the real discord.js client against the fake gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events, type Client } from 'discord.js';
import { loadConfig, MovieCatalog, type ImportDeps, type NightDeps } from '../core/index.ts';
import { createDiscordBot } from '../bot/discord/index.ts';
import { silentLogger } from '../test/support/databases.ts';
import { FakeDiscord, shardOf } from '../test/support/fake-discord.ts';

const AUTOCOMPLETE = 4;
// Two guilds on different shards of 2 (shard = (id >> 22) % 2).
const GUILDS = [
  { id: String(1n << 22n), name: 'Odd Club', channelId: '601' },
  { id: String(2n << 22n), name: 'Even Club', channelId: '602' },
];

describe('Discord shards split between bot processes', () => {
  const discord = new FakeDiscord(GUILDS);
  const clients: Client[] = [];
  const answeredBy: number[][] = [[], []];

  beforeAll(async () => {
    await discord.start();
    const catalog = new MovieCatalog([{ id: 1, title: 'Toy Story', year: 1995, genres: ['Animation'], imdbId: null, tmdbId: null }], new Map());
    // Autocomplete reads only the catalog.
    const deps = { catalog } as unknown as NightDeps & ImportDeps;
    for (const value of ['0/2', '1/2']) {
      const { shards } = loadConfig({ DISCORD_SHARDS: value }).discord;
      const client = createDiscordBot(discord.apiUrl, { deps, share: null as never, logger: silentLogger }, shards);
      const index = clients.push(client) - 1;
      client.on(Events.InteractionCreate, (i) => void answeredBy[index]!.push(Number((BigInt(i.guildId ?? '0') >> 22n) % 2n)));
      const ready = new Promise((resolve) => client.once('clientReady' as never, resolve));
      await client.login('fake-token');
      await ready;
    }
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) await client.destroy();
    await discord.stop();
  });

  it('each process identifies as its own shard and answers only the guilds routed to it', async () => {
    expect(discord.identified).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(GUILDS.map((g) => shardOf(g.id, 2))).toEqual([1, 0]);
    for (const g of GUILDS) {
      const id = discord.interaction(
        '111111111111111111',
        AUTOCOMPLETE,
        {
          id: '1',
          name: 'fav',
          type: 1,
          options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: 'toy', focused: true }] }],
        },
        { guild_id: g.id, channel_id: g.channelId },
      );
      const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`));
      expect((call.body.data as { choices: { name: string }[] }).choices[0]!.name).toMatch(/Toy Story/);
    }
    // Shard 0's client saw the even guild only, shard 1's the odd one only.
    expect(answeredBy).toEqual([[0], [1]]);
    expect(clients.map((c) => [...c.guilds.cache.keys()])).toEqual([[GUILDS[1]!.id], [GUILDS[0]!.id]]);
  });

  it('DISCORD_SHARDS is validated', () => {
    expect(loadConfig({ DISCORD_SHARDS: '2-3/4' }).discord.shards).toEqual({ ids: [2, 3], count: 4 });
    expect(loadConfig({ DISCORD_SHARDS: '3' }).discord.shards).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(loadConfig({ DISCORD_SHARDS: 'auto' }).discord.shards).toBe('auto');
    expect(loadConfig({}).discord.shards).toBeUndefined();
    for (const bad of ['4/4', '0', 'x', '1-0/2', '0,,1/2']) expect(() => loadConfig({ DISCORD_SHARDS: bad }), bad).toThrow(/DISCORD_SHARDS: must be auto/);
  });
});
