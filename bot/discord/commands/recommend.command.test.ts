import { beforeEach, describe, expect, it } from 'vitest';
import { depsWithFavourites, firstPage, movieIds, type BotTestDeps } from '../testing/recommend-page.ts';
import { seedGuild } from '../../../test/support/memory-community.ts';
import { customIds, fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { recommendCommand } from './recommend.command.ts';

let d: BotTestDeps;
beforeEach(async () => {
  d = await depsWithFavourites();
});

describe('/recommend', () => {
  it('lists five movies to the person alone, a 👍 and a 👎 button for each and "More"', async () => {
    const page = await firstPage(d);
    expect(isEphemeral(page)).toBe(true);
    const fields = page.embeds[0]!.fields!;
    expect(fields).toHaveLength(5);
    // Sci-fi fans get sci-fi they have not saved yet.
    expect(fields.filter((f) => /^\d\. Sci-Fi \d+ \(2000\)$/.test(f.name)).length).toBeGreaterThanOrEqual(4);
    expect(fields.map((f) => f.name).join()).not.toMatch(/Sci-Fi [123] /);
    const ids = movieIds(page);
    expect(customIds(page)).toEqual([
      ...ids.map((id) => `r:u:${id}`),
      ...ids.map((id) => `r:d:${id}`),
      ...ids.map((id) => `sn:${id}`),
      ...ids.map((id) => `lt:${id}`),
      'more:1',
    ]);
    for (const id of customIds(page)) expect(id.length).toBeLessThanOrEqual(100);
    expect(page.components.every((row) => row.components.length <= 5)).toBe(true);
  });
});

describe('/recommend for: server', () => {
  it('needs a server', async () => {
    const i = fakeInteraction({ commandName: 'recommend', strings: { for: 'server' }, guildId: null });
    await recommendCommand.execute(i as never, d);
    expect(i.replies[0]!.content).toBe('The server pick works in a server, not in direct messages.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it('picks publicly for the members, naming them without pinging anyone, with no rating buttons', async () => {
    await seedGuild(d.deps, 'g1', { a: [21, 22], b: [23, 24] });
    const i = fakeInteraction({ commandName: 'recommend', strings: { for: 'server' } });
    await recommendCommand.execute(i as never, d);
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.content).toBe('🍿 Server pick — picked for <@a>, <@b>.');
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]!.fields!.length).toBeGreaterThan(0);
    expect(reply.embeds[0]!.fields!.some((f) => f.name.includes('Romance'))).toBe(true);
  });
});
