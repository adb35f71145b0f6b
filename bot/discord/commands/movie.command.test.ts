import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { customIds, fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { movieCommand } from './movie.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

describe('/movie', () => {
  it('posts a public card linking the movie, with 👍/👎 buttons carrying its id', async () => {
    const i = fakeInteraction({ commandName: 'movie', strings: { movie: 'id:42' } });
    await movieCommand.execute(i as never, d);
    const card = i.replies[0]!;
    expect(isEphemeral(card)).toBe(false);
    expect(card.embeds[0]).toMatchObject({ title: 'Horror 42 (2000)', url: 'https://movielens.org/movies/42', description: 'Horror' });
    expect(customIds(card)).toEqual(['r:u:42', 'r:d:42', 'sn:42', 'lt:42']);
    expect(card.allowedMentions).toEqual({ parse: [] });
  });

  it('finds a typed title, and refuses one that matches nothing', async () => {
    const i = fakeInteraction({ commandName: 'movie', strings: { movie: 'blockbuster' } });
    await movieCommand.execute(i as never, d);
    expect(customIds(i.replies[0]!)).toEqual(['r:u:99', 'r:d:99', 'sn:99', 'lt:99']);
    const none = fakeInteraction({ commandName: 'movie', strings: { movie: 'qqqzzz' } });
    await expect(movieCommand.execute(none as never, d)).rejects.toThrow('No movie matches that title.');
    expect(none.replies).toEqual([]);
  });
});
