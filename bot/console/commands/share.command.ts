import { shareLink } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

export const shareCommand: ConsoleCommand = {
  names: ['share'],
  usage: 'share [revoke]',
  help: 'a link to a page with your favourites and recommendations (`share revoke` replaces it)',
  async run(ctx, args) {
    const replace = args.trim() === 'revoke';
    const url = await shareLink(ctx.share, ctx.identity, { replace });
    return [replace ? `Your old link no longer works. New link: ${url}` : `Your page: ${url}`];
  },
};
