import { movieLabel, unmarkSeen } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { shownMovie } from '../shown-movie.ts';

/** unseen N: takes back a seen mark given by mistake. */
export const unseenCommand: ConsoleCommand = {
  names: ['unseen'],
  usage: 'unseen N',
  help: 'take back `seen N`',
  async run(ctx, args) {
    const movie = shownMovie(ctx, args, 'unseen 2');
    if (typeof movie === 'string') return [movie];
    await unmarkSeen(ctx.deps, ctx.identity, movie.id);
    return [`${movieLabel(movie)} is no longer marked as seen.`];
  },
};
