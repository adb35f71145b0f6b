import type { ConsoleCommand } from '../chat-context.ts';
import { movieLine } from '../format.ts';

export const favCommand: ConsoleCommand = {
  names: ['fav'],
  usage: 'fav <title>',
  help: 'find a movie and save it as a favourite (then type its number)',
  async run(ctx, args) {
    if (args.trim() === '') return ['Which movie? For example: fav the matrix'];
    const matches = ctx.deps.catalog.search(args, { limit: 5 });
    if (matches.length === 0) return [`No movie matches “${args.trim().slice(0, 100)}”. Try fewer words or another spelling.`];
    ctx.state.choices = matches;
    return ['Which one? Type its number:', ...matches.map((m, i) => movieLine(i + 1, m))];
  },
};
