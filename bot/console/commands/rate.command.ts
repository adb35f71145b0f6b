import { movieLabel, recordFeedback } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

/** +N / -N: 👍 or 👎 on the N-th movie of the last list. */
export const rateCommand: ConsoleCommand = {
  names: [],
  usage: '+N | -N',
  help: '👍 or 👎 the N-th movie of the last list',
  async run(ctx, args) {
    const value = args.startsWith('-') ? -1 : 1;
    const movie = ctx.state.shown[Number(args.slice(1)) - 1];
    if (!movie) return [ctx.state.shown.length ? `Give a number from 1 to ${ctx.state.shown.length}.` : 'Ask for recommendations first: rec'];
    await recordFeedback(ctx.deps, { identity: ctx.identity, movieId: movie.id, value, source: 'command' });
    return [`${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — noted; the next list takes it into account.`];
  },
};
