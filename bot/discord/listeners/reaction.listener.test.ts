import { beforeEach, describe, expect, it } from 'vitest';
import { movieUrl } from '../../shared/movie-link.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { onReaction } from './reaction.listener.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

const BOT = 'bot-id';

/** A reaction as discord.js hands it over: on a message by `author` whose one embed links `url`. */
function reaction(emoji: string, o: { url?: string | null; author?: string; partial?: boolean; fetchFails?: boolean } = {}) {
  const message = { id: 'm1', author: { id: o.author ?? BOT }, embeds: [{ url: o.url === undefined ? movieUrl(42) : o.url }] };
  return {
    emoji: { name: emoji },
    client: { user: { id: BOT } },
    message: {
      ...(o.partial ? { id: 'm1', partial: true } : { ...message, partial: false }),
      fetch: async () => {
        if (o.fetchFails) throw new Error('Missing Access (secret internals)');
        return message;
      },
    },
  };
}
const ann = { id: 'u1', username: 'ann', bot: false };
const react = (r: ReturnType<typeof reaction>, added: boolean, user: object = ann) => onReaction(r as never, user as never, added, d);
const feedback = async () => (await tasteOf(d.deps, 'discord', 'u1')).feedback.map(({ movieId, value, source }) => ({ movieId, value, source }));

describe('reactions on a movie card', () => {
  it('👍 counts as a like of the movie the card links, and removing it takes it back', async () => {
    await react(reaction('👍'), true);
    expect(await feedback()).toEqual([{ movieId: 42, value: 1, source: 'reaction' }]);
    await react(reaction('👍'), false);
    expect(await feedback()).toEqual([
      { movieId: 42, value: 1, source: 'reaction' },
      { movieId: 42, value: 0, source: 'reaction' },
    ]);
  });

  it('removing a 👍 does not erase a 👎 given since', async () => {
    await react(reaction('👍'), true);
    await react(reaction('👎'), true);
    await react(reaction('👍'), false);
    expect((await feedback()).map((f) => f.value)).toEqual([1, -1]);
  });

  it('fetches a message that arrived as a partial', async () => {
    await react(reaction('👎', { partial: true }), true);
    expect(await feedback()).toEqual([{ movieId: 42, value: -1, source: 'reaction' }]);
  });

  it('ignores other emoji, bots, messages not by the bot and messages without a card link', async () => {
    await react(reaction('🎉'), true);
    await react(reaction('👍'), true, { ...ann, bot: true });
    await react(reaction('👍', { author: 'someone-else' }), true);
    await react(reaction('👍', { url: 'https://example.org/movies/42' }), true);
    expect(await feedback()).toEqual([]);
    expect(d.logger.lines).toEqual([]);
  });

  it('a card for a movie no longer in the catalog is ignored quietly; an unexpected failure is logged', async () => {
    await react(reaction('👍', { url: movieUrl(777) }), true);
    expect(d.logger.lines).toEqual([]);
    await react(reaction('👍', { partial: true, fetchFails: true }), true);
    expect(d.logger.lines).toMatchObject([{ level: 'error', fields: { messageId: 'm1' }, message: 'discord reaction failed' }]);
    expect(await feedback()).toEqual([]);
  });
});
