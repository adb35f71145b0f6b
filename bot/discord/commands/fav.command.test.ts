import { beforeEach, describe, expect, it } from 'vitest';
import { MovieCatalog, UserError } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { favCommand } from './fav.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

const fav = (subcommand: string, movie?: string) => fakeInteraction({ commandName: 'fav', subcommand, strings: { movie: movie ?? null } });

describe('/fav autocomplete', () => {
  it('offers matching titles, each choice carrying the movie id', async () => {
    const i = fakeInteraction({ kind: 'autocomplete', focused: 'romance 2' });
    await favCommand.autocomplete!(i as never, d);
    const [choices] = i.responses;
    expect(choices!.map((c) => c.name)).toContain('Romance 23 (2000)');
    expect(choices!.find((c) => c.name === 'Romance 23 (2000)')!.value).toBe('id:23');
  });

  it("stays within Discord's limits: at most 25 choices, names and values of at most 100 characters", async () => {
    const long = Array.from({ length: 40 }, (_, n) => ({
      id: n + 1,
      title: `Star ${'very '.repeat(30)}long title ${n}`,
      year: 1999,
      genres: [],
      imdbId: null,
      tmdbId: null,
    }));
    const wide = fakeInteraction({ kind: 'autocomplete', focused: 'star' });
    await favCommand.autocomplete!(wide as never, { ...d, deps: { ...d.deps, catalog: new MovieCatalog(long) } });
    const [choices] = wide.responses;
    expect(choices!.length).toBe(25);
    for (const c of choices!) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name).toMatch(/… \(1999\)$/);
    }
  });

  it('answers an empty box with no choices', async () => {
    const i = fakeInteraction({ kind: 'autocomplete', focused: '  ' });
    await favCommand.autocomplete!(i as never, d);
    expect(i.responses).toEqual([[]]);
  });
});

describe('/fav add | list | remove', () => {
  it('saves a picked choice as a favourite, privately, and says so once', async () => {
    const first = fav('add', 'id:3');
    await favCommand.execute(first as never, d);
    expect(first.replies[0]!.content).toBe('⭐ Sci-Fi 3 (2000) is now a favourite.');
    expect(isEphemeral(first.replies[0]!)).toBe(true);
    expect(first.replies[0]!.allowedMentions).toEqual({ parse: [] });
    expect((await tasteOf(d.deps, 'discord', 'u1')).favorites).toEqual([3]);

    const again = fav('add', 'id:3');
    await favCommand.execute(again as never, d);
    expect(again.replies[0]!.content).toBe('⭐ Sci-Fi 3 (2000) is already a favourite.');
    expect((await tasteOf(d.deps, 'discord', 'u1')).favorites).toEqual([3]);
  });

  it('searches text typed without picking a choice', async () => {
    await favCommand.execute(fav('add', 'horror 44') as never, d);
    expect((await tasteOf(d.deps, 'discord', 'u1')).favorites).toEqual([44]);
  });

  it('refuses an id that is not in the catalog, and a title that matches nothing, saving nothing', async () => {
    await expect(favCommand.execute(fav('add', 'id:777') as never, d)).rejects.toThrow(
      new UserError('CHOICE_NOT_IN_CATALOG', 'That movie is not in the catalog; pick one from the list.'),
    );
    await expect(favCommand.execute(fav('add', 'qqqzzz') as never, d)).rejects.toThrow('No movie matches that title.');
    await expect(favCommand.execute(fav('add', 'qqqzzz') as never, d)).rejects.toMatchObject({ code: 'NO_TITLE_MATCH' });
    await expect(favCommand.execute(fav('add', 'id:777') as never, d)).rejects.toMatchObject({ code: 'CHOICE_NOT_IN_CATALOG' });
    expect((await tasteOf(d.deps, 'discord', 'u1')).favorites).toEqual([]);
  });

  it('lists favourites in the order saved, privately', async () => {
    const empty = fav('list');
    await favCommand.execute(empty as never, d);
    expect(empty.replies[0]!.content).toBe('No favourites yet: /fav add');
    await favCommand.execute(fav('add', 'id:22') as never, d);
    await favCommand.execute(fav('add', 'id:99') as never, d);
    const list = fav('list');
    await favCommand.execute(list as never, d);
    expect(list.replies[0]!.content).toBe('1. Romance 22 (2000)\n2. Blockbuster (2010)');
    expect(isEphemeral(list.replies[0]!)).toBe(true);
  });

  it('removes a favourite; removing one that is not a favourite is a UserError', async () => {
    await favCommand.execute(fav('add', 'id:22') as never, d);
    const remove = fav('remove', 'id:22');
    await favCommand.execute(remove as never, d);
    expect(remove.replies[0]!.content).toBe('Removed Romance 22 (2000).');
    expect((await tasteOf(d.deps, 'discord', 'u1')).favorites).toEqual([]);
    await expect(favCommand.execute(fav('remove', 'id:22') as never, d)).rejects.toThrow(UserError);
  });
});
