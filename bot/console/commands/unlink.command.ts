import { unlink } from '../../../core/index.ts';
import { unlinkedText } from '../../shared/link-text.ts';
import type { ConsoleCommand } from '../chat-context.ts';

/** `unlink`: this user leaves the profile it was linked into, keeping a copy of the taste. */
export const unlinkCommand: ConsoleCommand = {
  names: ['unlink'],
  usage: 'unlink',
  help: 'undo a link: this user keeps a copy of your favourites and ratings',
  async run(ctx) {
    const { others } = await unlink(ctx.deps, ctx.identity);
    ctx.state.shown = [];
    ctx.state.seen = [];
    return [unlinkedText(others)];
  },
};
