import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { importedTasteText, importTaste, MAX_IMPORT_BYTES, UserError } from '../../../core/index.ts';
import { downloadUpload, tooLargeText } from '../../shared/upload.ts';
import { phrase } from '../../shared/user-error-text.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';
import { TELEGRAM_USER_ERROR_TEXT } from '../user-error-text.ts';

const FORMATS = "Letterboxd's export (the ZIP, or its ratings.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings CSV or Trakt's JSON";

/** Imports still running after their first answer, so a test (or a shutdown) can wait for them. */
const running = new Set<Promise<void>>();
export const telegramImportsRunning = () => Promise.all([...running]);

/**
 * A document sent in a private chat is an import (Letterboxd, IMDb, Trakt).
 * A file over the limit is refused from its announced file_size, before
 * getFile. Otherwise the person is told it is being read, and the import
 * (getFile, download from the file URL, read, store) runs on past the
 * update's answer deadline, answering its own failures.
 */
export function importHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('document', async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    const doc = ctx.message.document;
    const name = doc.file_name ?? 'the file';
    if ((doc.file_size ?? 0) > MAX_IMPORT_BYTES) return void (await ctx.reply(tooLargeText(name, doc.file_size!)));
    await ctx.reply(`Reading ${name}…`);
    const identity = identityOf(ctx);
    const work = (async () => {
      let text: string;
      try {
        const url = await ctx.telegram.getFileLink(doc.file_id);
        const upload = await downloadUpload(url.href, name);
        if ('problem' in upload) text = upload.problem;
        else {
          const result = await importTaste(deps, { identity, file: upload });
          const changed = Object.values(result.stored).some((n) => n > 0);
          text = importedTasteText(result) + (changed ? ' /recommend now takes it into account.' : '');
        }
      } catch (err) {
        if (!(err instanceof UserError)) logger.error({ err, updateId: ctx.update.update_id }, 'telegram import failed');
        text = err instanceof UserError ? `${phrase(TELEGRAM_USER_ERROR_TEXT, err)} Send ${FORMATS}.` : 'Something went wrong on our side; please try again.';
      }
      await ctx.reply(text.slice(0, 4096)).catch((err: unknown) => logger.warn({ err, updateId: ctx.update.update_id }, 'could not answer an import'));
    })().finally(() => running.delete(work));
    running.add(work);
  });
  return composer;
}
