import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, UserError } from '../../../core/index.ts';
import { seedGuild } from '../../../test/support/memory-community.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { customIds, fakeInteraction, isEphemeral, type SentMessage } from '../testing/fake-interaction.ts';
import { movieCard } from './movie.command.ts';
import { moreButton, rateButton, recommendCommand } from './recommend.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
  for (const id of [1, 2, 3]) await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u1' }, id);
});

const movieIds = (m: SentMessage) => customIds(m).flatMap((id) => (id.startsWith('r:u:') ? [Number(id.slice(4))] : []));

async function firstPage(): Promise<SentMessage> {
  const i = fakeInteraction({ commandName: 'recommend' });
  await recommendCommand(i as never, d);
  return i.replies[0]!;
}

describe('/recommend', () => {
  it('lists five movies to the person alone, a 👍 and a 👎 button for each and "More"', async () => {
    const page = await firstPage();
    expect(isEphemeral(page)).toBe(true);
    const fields = page.embeds[0]!.fields!;
    expect(fields).toHaveLength(5);
    // Sci-fi fans get sci-fi they have not saved yet.
    expect(fields.filter((f) => /^\d\. Sci-Fi \d+ \(2000\)$/.test(f.name)).length).toBeGreaterThanOrEqual(4);
    expect(fields.map((f) => f.name).join()).not.toMatch(/Sci-Fi [123] /);
    const ids = movieIds(page);
    expect(customIds(page)).toEqual([...ids.map((id) => `r:u:${id}`), ...ids.map((id) => `r:d:${id}`), 'more:1']);
    for (const id of customIds(page)) expect(id.length).toBeLessThanOrEqual(100);
    expect(page.components.every((row) => row.components.length <= 5)).toBe(true);
  });

  it('"More" shows the next five, and the last page has no "More"', async () => {
    const first = movieIds(await firstPage());
    const more = fakeInteraction({ kind: 'button', customId: 'more:1' });
    await moreButton(more as never, d);
    const second = movieIds(more.updates[0]!);
    expect(second).toHaveLength(5);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(customIds(more.updates[0]!)).toContain('more:2');

    // The small world has 35 movies to suggest: page 8 (movies 41–45) is past the end.
    const past = fakeInteraction({ kind: 'button', customId: 'more:8' });
    await moreButton(past as never, d);
    expect(past.updates[0]!.content).toBe('Nothing more to suggest right now.');
    expect(customIds(past.updates[0]!)).toEqual([]);
  });

  it('a 👍 is recorded, and that slot alone gets a fresh movie', async () => {
    const page = await firstPage();
    const shown = movieIds(page);
    const click = fakeInteraction({ kind: 'button', customId: `r:u:${shown[1]}`, message: page });
    await rateButton(click as never, d, 1, shown[1]!);
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
    const page = await firstPage();
    const [movieId] = movieIds(page);
    const click = () => fakeInteraction({ id: 'same-click', kind: 'button', customId: `r:d:${movieId}`, message: page });
    await rateButton(click() as never, d, -1, movieId!);
    const again = click();
    await rateButton(again as never, d, -1, movieId!);
    expect(again.updates[0]!.content).toBe('Already noted.');
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toHaveLength(1);
  });

  it("a click on a channel's movie card is answered privately and leaves the card alone", async () => {
    const card = movieCard(d.deps.catalog.get(42)!);
    const message: SentMessage = { embeds: card.embeds.map((e) => e.toJSON()), components: card.components.map((r) => r.toJSON()) };
    const click = fakeInteraction({ kind: 'button', customId: 'r:u:42', message, userId: 'u2' });
    await rateButton(click as never, d, 1, 42);
    expect(click.updates).toEqual([]);
    expect(click.replies[0]!.content).toBe('👍 Horror 42 (2000) — noted.');
    expect(isEphemeral(click.replies[0]!)).toBe(true);
    expect((await tasteOf(d.deps, 'discord', 'u2')).feedback).toMatchObject([{ movieId: 42, value: 1 }]);
  });

  it('a button for a movie no longer in the catalog is a UserError, and nothing is recorded', async () => {
    const click = fakeInteraction({ kind: 'button', customId: 'r:u:777', message: await firstPage() });
    await expect(rateButton(click as never, d, 1, 777)).rejects.toThrow(UserError);
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toEqual([]);
  });
});

describe('/recommend for: server', () => {
  it('needs a server', async () => {
    const i = fakeInteraction({ commandName: 'recommend', strings: { for: 'server' }, guildId: null });
    await recommendCommand(i as never, d);
    expect(i.replies[0]!.content).toBe('The server pick works in a server, not in direct messages.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it('picks publicly for the members, naming them without pinging anyone, with no rating buttons', async () => {
    await seedGuild(d.deps, 'g1', { a: [21, 22], b: [23, 24] });
    const i = fakeInteraction({ commandName: 'recommend', strings: { for: 'server' } });
    await recommendCommand(i as never, d);
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.content).toBe('🍿 Server pick — picked for <@a>, <@b>.');
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]!.fields!.length).toBeGreaterThan(0);
    expect(reply.embeds[0]!.fields!.some((f) => f.name.includes('Romance'))).toBe(true);
  });
});
