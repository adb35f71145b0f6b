import { beforeEach, describe, expect, it } from 'vitest';
import { depsWithFavourites, firstPage, movieIds, type BotTestDeps } from '../testing/recommend-page.ts';
import { UserError } from '../../../core/index.ts';
import { tasteOf } from '../../testing/bot-deps.ts';
import { movieCard } from '../commands/movie.command.ts';
import { customIds, fakeInteraction, isEphemeral, type SentMessage } from '../testing/fake-interaction.ts';
import { feedbackButtons } from './feedback.buttons.ts';

let d: BotTestDeps;
beforeEach(async () => {
  d = await depsWithFavourites();
});

describe('👍/👎 buttons', () => {
  it('a 👍 is recorded, and that slot alone gets a fresh movie', async () => {
    const page = await firstPage(d);
    const shown = movieIds(page);
    const click = fakeInteraction({ kind: 'button', customId: `r:u:${shown[1]}`, message: page });
    await feedbackButtons.run(click as never, d, { value: 1, movieId: shown[1]! });
    const feedback = (await tasteOf(d.deps, 'discord', 'u1')).feedback;
    expect(feedback).toMatchObject([{ movieId: shown[1], value: 1, source: 'button' }]);

    const updated = click.updates[0]!;
    expect(updated.content).toMatch(/^👍 .+ — noted; here is another one in its place\.$/);
    const now = movieIds(updated);
    expect(now).toHaveLength(5);
    expect(now[1]).not.toBe(shown[1]);
    expect(shown).not.toContain(now[1]);
    expect([now[0], ...now.slice(2)]).toEqual([shown[0], ...shown.slice(2)]);
    expect(customIds(updated)).toContain('more:1');
  });

  it('a redelivered click (same interaction id) is recorded once', async () => {
    const page = await firstPage(d);
    const [movieId] = movieIds(page);
    const click = () => fakeInteraction({ id: 'same-click', kind: 'button', customId: `r:d:${movieId}`, message: page });
    await feedbackButtons.run(click() as never, d, { value: -1, movieId: movieId! });
    const again = click();
    await feedbackButtons.run(again as never, d, { value: -1, movieId: movieId! });
    expect(again.updates[0]!.content).toBe('Already noted.');
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toHaveLength(1);
  });

  it("a click on a channel's movie card is answered privately and leaves the card alone", async () => {
    const card = movieCard(d.deps.catalog.get(42)!);
    const message: SentMessage = { embeds: card.embeds.map((e) => e.toJSON()), components: card.components.map((r) => r.toJSON()) };
    const click = fakeInteraction({ kind: 'button', customId: 'r:u:42', message, userId: 'u2' });
    await feedbackButtons.run(click as never, d, { value: 1, movieId: 42 });
    expect(click.updates).toEqual([]);
    expect(click.replies[0]!.content).toBe('👍 Horror 42 (2000) — noted.');
    expect(isEphemeral(click.replies[0]!)).toBe(true);
    expect((await tasteOf(d.deps, 'discord', 'u2')).feedback).toMatchObject([{ movieId: 42, value: 1 }]);
  });

  it('a button for a movie no longer in the catalog is a UserError, and nothing is recorded', async () => {
    const click = fakeInteraction({ kind: 'button', customId: 'r:u:777', message: await firstPage(d) });
    await expect(feedbackButtons.run(click as never, d, { value: 1, movieId: 777 })).rejects.toThrow(UserError);
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toEqual([]);
  });
});
