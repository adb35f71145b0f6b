/**
 * The router in discord-bot.ts, reached the way discord.js reaches it: an
 * InteractionCreate event on the client (never logged in). What a person
 * sees when a handler fails is decided here.
 */
import { Events, type Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { botDeps, GENERIC_APOLOGY, tasteOf } from '../testing/bot-deps.ts';
import { createDiscordBot } from './discord-bot.ts';
import { fakeInteraction, isEphemeral, type FakeInteraction } from './testing/fake-interaction.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let client: Client;
beforeEach(async () => {
  d = await botDeps();
  client = createDiscordBot('http://127.0.0.1:9', d);
});
afterEach(async () => {
  await client.destroy();
});

async function deliver(i: FakeInteraction): Promise<FakeInteraction> {
  client.emit(Events.InteractionCreate, i as never);
  await vi.waitFor(() => expect(i.replies.length + i.updates.length + i.responses.length).toBeGreaterThan(0));
  return i;
}

describe('discord routing', () => {
  it('routes a command to its handler and makes the person a member of the server', async () => {
    const i = await deliver(fakeInteraction({ commandName: 'fav', subcommand: 'add', strings: { movie: 'id:5' } }));
    expect(i.replies[0]!.content).toBe('⭐ Sci-Fi 5 (2000) is now a favourite.');
    const guild = await d.deps.communities.ensure('discord', 'g1');
    expect(await d.deps.communities.memberIds(guild.id)).toEqual([await d.deps.accounts.findUser('discord', 'u1')]);
  });

  it('routes a 👍 button to feedback', async () => {
    await deliver(fakeInteraction({ kind: 'button', customId: 'r:u:42', message: { embeds: [{ url: 'https://movielens.org/movies/42' }], components: [] } }));
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toMatchObject([{ movieId: 42, value: 1, source: 'button' }]);
  });

  it('routes the other buttons by the prefix of their id', async () => {
    const forget = await deliver(fakeInteraction({ kind: 'button', customId: 'x:forget' }));
    // The server membership recorded just before the handler ran is what gets deleted.
    expect(forget.updates[0]!.content).toBe('Done: everything about you is deleted.');
    expect(await d.deps.accounts.findUser('discord', 'u1')).toBeNull();
    const more = await deliver(fakeInteraction({ kind: 'button', customId: 'more:1' }));
    expect(more.updates[0]!.embeds[0]!.title).toBe('Movies for you');
  });

  it('answers an unknown button with "expired", privately', async () => {
    const i = await deliver(fakeInteraction({ kind: 'button', customId: 'old:format:1' }));
    expect(i.replies[0]!.content).toBe('This button has expired.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it("shows a UserError's own message, privately, and logs nothing", async () => {
    const i = await deliver(fakeInteraction({ commandName: 'movie', strings: { movie: 'id:777' } }));
    expect(i.replies[0]!.content).toBe('That movie is not in the catalog; pick one from the list.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('answers an unexpected failure with the generic apology, leaking nothing, and logs it', async () => {
    d.deps.favorites.add = async () => {
      throw new Error('relation "favorites" does not exist at 10.0.0.7');
    };
    const i = await deliver(fakeInteraction({ commandName: 'fav', subcommand: 'add', strings: { movie: 'id:5' } }));
    expect(i.replies).toHaveLength(1);
    expect(i.replies[0]!.content).toBe(GENERIC_APOLOGY);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(d.logger.lines).toMatchObject([{ level: 'error', fields: { interactionId: i.id } }]);
  });
});
