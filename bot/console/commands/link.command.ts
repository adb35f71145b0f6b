import { linkCode, redeemLink } from '../../../core/index.ts';
import { linkCodeText, linkedText } from '../../shared/link-text.ts';
import type { ConsoleCommand } from '../chat-context.ts';

/** `link` gives a one-time code; `link <code>` (typed as another user, or on Discord/Telegram) makes the two one profile. */
export const linkCommand: ConsoleCommand = {
  names: ['link'],
  usage: 'link [code]',
  help: 'one profile across users and platforms: `link` gives a code, `link <code>` on the other account uses it',
  async run(ctx, args) {
    if (args.trim() === '') return linkCodeText((await linkCode(ctx.deps, ctx.identity)).code).split('\n');
    const { linkedWith } = await redeemLink(ctx.deps, ctx.identity, args);
    // The list shown and the films recommended so far were this account's alone.
    ctx.state.shown = [];
    ctx.state.seen = [];
    return [linkedText(linkedWith)];
  },
};
