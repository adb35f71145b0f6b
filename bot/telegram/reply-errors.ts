import type { Context, Middleware } from 'telegraf';
import { ANSWER_DEADLINE_MS, UserError, withDeadline, type Logger } from '../../core/index.ts';
import { phrase } from '../shared/user-error-text.ts';
import { TELEGRAM_USER_ERROR_TEXT } from './user-error-text.ts';

/** Runs a handler: a UserError becomes its reply in Telegram's words (user-error-text.ts), anything else a short apology and a log line. */
export async function answering(ctx: Context, logger: Logger, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    await apologize(ctx, logger, err);
  }
}

/**
 * Bounds the handling of every update (a middleware, registered first): an
 * update not answered within ANSWER_DEADLINE_MS (the database may be
 * unreachable) gets the apology, and the webhook call or the polling loop
 * is released instead of hanging with it.
 */
export function answerInTime(logger: Logger): Middleware<Context> {
  return async (ctx, next) => {
    await withDeadline(next(), ANSWER_DEADLINE_MS, `telegram update ${ctx.update.update_id}`).catch((err: unknown) => apologize(ctx, logger, err));
  };
}

async function apologize(ctx: Context, logger: Logger, err: unknown): Promise<void> {
  const text = err instanceof UserError ? phrase(TELEGRAM_USER_ERROR_TEXT, err) : 'Something went wrong on our side; please try again.';
  if (!(err instanceof UserError)) logger.error({ err, updateId: ctx.update.update_id }, 'telegram handler failed');
  if (ctx.callbackQuery) await ctx.answerCbQuery(text.slice(0, 200)).catch(() => undefined);
  else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 }).catch(() => undefined);
  else if (ctx.chat) await ctx.reply(text).catch(() => undefined);
}
