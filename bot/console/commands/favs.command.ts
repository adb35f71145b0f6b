import { listFavorites } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { movieLine } from '../format.ts';

export const favsCommand: ConsoleCommand = {
  names: ['favs', 'list'],
  usage: 'favs',
  help: 'list your favourites',
  async run(ctx) {
    const favorites = await listFavorites(ctx.deps, ctx.identity);
    if (favorites.length === 0) return ['No favourites yet: fav <title> adds one.'];
    return ['Your favourites:', ...favorites.map((m, i) => movieLine(i + 1, m))];
  },
};
