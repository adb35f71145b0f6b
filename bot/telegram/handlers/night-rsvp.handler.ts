import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { answerRsvp } from '../../../core/index.ts';
import type { NightActions } from '../night-actions.ts';
import { nightRsvp } from '../night-callbacks.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/**
 * "I'm in" / "Can't make it" on the night's message: answered at once; the
 * message (who is in, the shortlist for them) follows in a coalesced edit.
 */
export function nightRsvpHandler({ deps, logger }: TelegramDeps, nights: NightActions): Composer<Context> {
  const composer = new Composer<Context>();
  composer.action(nightRsvp.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { going, nightId } = nightRsvp.parse(ctx.match[0])!;
      const { changed } = await answerRsvp(deps, { nightId, identity: identityOf(ctx), going, via: 'button' });
      await ctx.answerCbQuery(going ? "You're in 🍿" : "Noted: you can't make it");
      if (changed) nights.board.touch(nightId);
    }),
  );
  return composer;
}
