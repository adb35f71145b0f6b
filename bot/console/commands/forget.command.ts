import { forgetUser } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

export const forgetCommand: ConsoleCommand = {
  names: ['forget'],
  usage: 'forget',
  help: 'delete everything the bot holds about you (asks to confirm)',
  async run(ctx, args) {
    if (args.trim() !== 'yes') return ['This deletes your favourites, ratings and share link. Type `forget yes` to confirm.'];
    const existed = await forgetUser(ctx.deps, ctx.identity);
    ctx.state.shown = [];
    ctx.state.seen = [];
    return [existed ? 'Done: everything about you is deleted.' : 'There was nothing to delete.'];
  },
};
