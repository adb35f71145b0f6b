import { beforeEach, describe, expect, it } from 'vitest';
import { depsWithFavourites, firstPage, movieIds, type BotTestDeps } from '../testing/recommend-page.ts';
import { customIds, fakeInteraction } from '../testing/fake-interaction.ts';
import { moreButton } from './more.button.ts';

let d: BotTestDeps;
beforeEach(async () => {
  d = await depsWithFavourites();
});

describe('"More" under /recommend', () => {
  it('"More" shows the next five, and the last page has no "More"', async () => {
    const first = movieIds(await firstPage(d));
    const more = fakeInteraction({ kind: 'button', customId: 'more:1' });
    await moreButton.run(more as never, d, moreButton.parse('more:1')!);
    const second = movieIds(more.updates[0]!);
    expect(second).toHaveLength(5);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(customIds(more.updates[0]!)).toContain('more:2');

    // The small world has 35 movies to suggest: page 8 (movies 41–45) is past the end.
    const past = fakeInteraction({ kind: 'button', customId: 'more:8' });
    await moreButton.run(past as never, d, moreButton.parse('more:8')!);
    expect(past.updates[0]!.content).toBe('Nothing more to suggest right now.');
    expect(customIds(past.updates[0]!)).toEqual([]);
  });
});
