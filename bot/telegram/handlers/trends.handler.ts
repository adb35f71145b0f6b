import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { serverTrends } from '../../../core/index.ts';
import { trendsLines } from '../../shared/trends-text.ts';
import { answering } from '../reply-errors.ts';
import { groupOf, type TelegramDeps } from '../telegram-context.ts';

/** /trends in a group: its taste, with a link to the charts page. */
export function trendsHandler({ deps, share, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('trends', (ctx) =>
    answering(ctx, logger, async () => {
      const group = groupOf(ctx);
      if (!group) return void (await ctx.reply('Trends are about a group: add me to one and send /trends there.'));
      const { heading, sections, footer } = trendsLines(await serverTrends(deps, group, share.publicUrl));
      const body = sections.map(([name, lines]) => `${name}\n${lines.map((l) => `• ${l}`).join('\n')}`);
      await ctx.reply([heading, ...body, footer].join('\n\n').slice(0, 4096));
    }),
  );
  return composer;
}
