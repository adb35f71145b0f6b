import type { Context } from 'telegraf';
import { Composer, Markup } from 'telegraf';
import { forgetUser } from '../../../core/index.ts';
import { callbackScheme } from '../callback-data.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** The "Delete everything" button under /forget's question: "x:forget". */
export const confirmForget = callbackScheme(
  /^x:forget$/,
  () => 'x:forget',
  () => ({}),
);

/** /forget asks first; the button deletes everything held about the user. */
export function forgetHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('forget', (ctx) =>
    ctx.reply(
      'This deletes your favourites, ratings and share link.',
      Markup.inlineKeyboard([Markup.button.callback('Delete everything', confirmForget.data({}))]),
    ),
  );
  composer.action(confirmForget.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const existed = await forgetUser(deps, identityOf(ctx));
      await ctx.answerCbQuery('Done');
      await ctx.editMessageText(existed ? 'Done: everything about you is deleted.' : 'There was nothing to delete.');
    }),
  );
  return composer;
}
