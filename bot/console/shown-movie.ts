import type { Movie } from '../../core/index.ts';
import type { ChatContext } from './chat-context.ts';

/**
 * The movie numbered `args` in the last list shown (recommendations or the
 * watchlist), or what to tell the person instead: `seen 2`, `later 3`.
 */
export function shownMovie(ctx: ChatContext, args: string, usage: string): Movie | string {
  const n = /^\d+$/.test(args.trim()) ? Number(args.trim()) : NaN;
  if (ctx.state.shown.length === 0) return 'Ask for recommendations first: rec (or see your watchlist: watchlist)';
  const movie = ctx.state.shown[n - 1];
  return movie ?? `Give a number from 1 to ${ctx.state.shown.length}: ${usage}`;
}
