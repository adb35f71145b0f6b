import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { shareLink } from '../../../core/index.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

export function shareHandler({ share, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('share', (ctx) =>
    answering(ctx, logger, async () => {
      const replace = ctx.payload.trim() === 'revoke';
      const url = await shareLink(share, identityOf(ctx), { replace });
      await ctx.reply(replace ? `Your old link no longer works. New link: ${url}` : `Your page: ${url}`);
    }),
  );
  return composer;
}
