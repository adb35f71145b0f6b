import { describe, expect, it } from 'vitest';
import { addToWatchlist, markSeen } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral, textOf } from '../testing/fake-interaction.ts';
import { watchlistCommand } from './watchlist.command.ts';

const u1 = { platform: 'discord', platformUserId: 'u1' } as const;

describe('/watchlist', () => {
  it('an empty watchlist says how to fill it, privately', async () => {
    const d = await botDeps();
    const i = fakeInteraction({ commandName: 'watchlist' });
    await watchlistCommand.execute(i as never, d);
    expect(i.replies[0]!.content).toMatch(/^Your watchlist is empty/);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it('lists the later films privately; a film marked seen leaves it', async () => {
    const d = await botDeps();
    for (const id of [42, 7, 23]) await addToWatchlist(d.deps, u1, id);
    await markSeen(d.deps, u1, 7);
    const i = fakeInteraction({ commandName: 'watchlist' });
    await watchlistCommand.execute(i as never, d);
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(true);
    const text = textOf(reply);
    expect(text).toContain('Your watchlist, best first for you');
    expect(text).toContain(`1. `);
    expect(text).toContain(d.deps.catalog.get(42)!.title);
    expect(text).toContain(d.deps.catalog.get(23)!.title);
    expect(text).not.toContain(`${d.deps.catalog.get(7)!.title} (`);
  });
});
