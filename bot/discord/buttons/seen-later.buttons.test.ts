import { beforeEach, describe, expect, it } from 'vitest';
import { recommend } from '../../../core/index.ts';
import { movieCard } from '../commands/movie.command.ts';
import { customIds, fakeInteraction, isEphemeral, type SentMessage } from '../testing/fake-interaction.ts';
import { depsWithFavourites, firstPage, movieIds, type BotTestDeps } from '../testing/recommend-page.ts';
import { laterButton } from './later.button.ts';
import { seenButton } from './seen.button.ts';

let d: BotTestDeps;
beforeEach(async () => {
  d = await depsWithFavourites();
});
const u1 = { platform: 'discord', platformUserId: 'u1' } as const;

describe('👁 Seen it / 🕐 Later buttons', () => {
  it('a list has a row each of 👍, 👎, 👁, 🕐 and "More": five rows of at most five', async () => {
    const page = await firstPage(d);
    expect(page.components).toHaveLength(5);
    for (const row of page.components) expect(row.components.length).toBeLessThanOrEqual(5);
    const shown = movieIds(page);
    expect(customIds(page)).toEqual([
      ...shown.map((m) => `r:u:${m}`),
      ...shown.map((m) => `r:d:${m}`),
      ...shown.map((m) => `sn:${m}`),
      ...shown.map((m) => `lt:${m}`),
      'more:1',
    ]);
  });

  it('Seen replaces that movie in place, and it is never recommended again', async () => {
    const page = await firstPage(d);
    const shown = movieIds(page);
    const click = fakeInteraction({ kind: 'button', customId: `sn:${shown[2]}`, message: page });
    await seenButton.run(click as never, d, { movieId: shown[2]! });
    const updated = click.updates[0]!;
    expect(updated.content).toMatch(/^👁 .+ — seen; it won't be recommended again; here is another one in its place\.$/);
    const now = movieIds(updated);
    expect(now).toHaveLength(5);
    expect(now[2]).not.toBe(shown[2]);
    expect(now.filter((_, n) => n !== 2)).toEqual(shown.filter((_, n) => n !== 2));
    const fresh = await recommend(d.deps, u1, { k: 50 });
    expect(fresh.map((p) => p.movie.id)).not.toContain(shown[2]);
  });

  it('Later puts the movie on the watchlist and swaps it; a second click says so and changes nothing', async () => {
    const page = await firstPage(d);
    const [movieId] = movieIds(page);
    const click = fakeInteraction({ kind: 'button', customId: `lt:${movieId}`, message: page });
    await laterButton.run(click as never, d, { movieId: movieId! });
    expect(click.updates[0]!.content).toMatch(/^🕐 .+ — on your watchlist \(\/watchlist\); here is another one in its place\.$/);
    expect(movieIds(click.updates[0]!)).not.toContain(movieId);

    const again = fakeInteraction({ kind: 'button', customId: `lt:${movieId}`, message: click.updates[0]! });
    await laterButton.run(again as never, d, { movieId: movieId! });
    expect(again.updates[0]!.content).toMatch(/is already on your watchlist\.$/);
  });

  it("on a channel's movie card both answer privately and leave the card alone", async () => {
    const card = movieCard(d.deps.catalog.get(42)!);
    const message: SentMessage = { embeds: card.embeds.map((e) => e.toJSON()), components: card.components.map((r) => r.toJSON()) };
    expect(customIds(message)).toEqual(['r:u:42', 'r:d:42', 'sn:42', 'lt:42']);
    const seen = fakeInteraction({ kind: 'button', customId: 'sn:42', message, userId: 'u2' });
    await seenButton.run(seen as never, d, { movieId: 42 });
    expect(seen.updates).toEqual([]);
    expect(seen.replies[0]!.content).toBe("👁 Horror 42 (2000) — seen; it won't be recommended again.");
    expect(isEphemeral(seen.replies[0]!)).toBe(true);
    const later = fakeInteraction({ kind: 'button', customId: 'lt:42', message, userId: 'u2' });
    await laterButton.run(later as never, d, { movieId: 42 });
    expect(later.replies[0]!.content).toBe('🕐 Horror 42 (2000) — on your watchlist (/watchlist).');
  });

  it('ids parse only their own kind', () => {
    expect(seenButton.parse('sn:12')).toEqual({ movieId: 12 });
    expect(seenButton.parse('lt:12')).toBeNull();
    expect(laterButton.parse('lt:12')).toEqual({ movieId: 12 });
    expect(laterButton.parse('lt:x')).toBeNull();
  });
});
