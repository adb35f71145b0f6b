import type { Context } from 'telegraf';
import { UserError, type Logger } from '../../core/index.ts';

/** Runs a handler: a UserError becomes its message, anything else a short apology and a log line. */
export async function answering(ctx: Context, logger: Logger, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const text = err instanceof UserError ? err.message : 'Something went wrong on our side; please try again.';
    if (!(err instanceof UserError)) logger.error({ err, updateId: ctx.update.update_id }, 'telegram handler failed');
    if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200)).catch(() => undefined);
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 }).catch(() => undefined);
    else await ctx.reply(text).catch(() => undefined);
  }
}
