import { watchlist } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { movieLine } from '../format.ts';

/** Films listed at once; the rest are counted. */
const SHOWN = 20;

export const watchlistCommand: ConsoleCommand = {
  names: ['watchlist'],
  usage: 'watchlist',
  help: 'the films you keep for later, best first for you',
  async run(ctx) {
    const movies = await watchlist(ctx.deps, ctx.identity);
    if (movies.length === 0) return ['Your watchlist is empty: `later N` puts the N-th movie of a list on it.'];
    const shown = movies.slice(0, SHOWN);
    ctx.state.shown = shown;
    const more = movies.length > shown.length ? [`  … and ${movies.length - shown.length} more.`] : [];
    return [
      'Your watchlist, best first for you:',
      ...shown.map((m, i) => movieLine(i + 1, m)),
      ...more,
      'seen N once you have watched one; unlater N to drop it.',
    ];
  },
};
