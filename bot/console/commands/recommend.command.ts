import { recommend } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { movieLine } from '../format.ts';

const PAGE = 5;

export const recommendCommand: ConsoleCommand = {
  names: ['rec', 'recommend', 'more'],
  usage: 'rec',
  help: 'recommend movies; again for more',
  async run(ctx) {
    const picks = await recommend(ctx.deps, ctx.identity, { k: PAGE, seen: ctx.state.seen });
    if (picks.length === 0) return ['Nothing left to recommend: you have seen the whole catalog.'];
    ctx.state.shown = picks.map((p) => p.movie);
    ctx.state.seen.push(...picks.map((p) => p.movie.id));
    return [
      'You might like:',
      ...picks.map((p, i) => movieLine(i + 1, p.movie, p.because)),
      'Rate with +N (👍) or -N (👎), e.g. +2; seen N if you have seen it, later N to keep it for later; `rec` for more.',
    ];
  },
};
