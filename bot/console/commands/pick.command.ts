import { addFavorite, movieLabel } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

/** A bare number: picks one of the matches `fav` listed. */
export const pickCommand: ConsoleCommand = {
  names: [],
  usage: '<number>',
  help: 'pick one of the movies `fav` listed',
  async run(ctx, args) {
    const movie = ctx.state.choices[Number(args) - 1];
    if (!movie) return ctx.state.choices.length ? [`Pick a number from 1 to ${ctx.state.choices.length}.`] : ['Search first: fav <title>'];
    ctx.state.choices = [];
    const { added } = await addFavorite(ctx.deps, ctx.identity, movie.id);
    return [added ? `Saved ${movieLabel(movie)} as a favourite.` : `${movieLabel(movie)} already is a favourite.`];
  },
};
