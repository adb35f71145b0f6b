import { MessageFlags, SlashCommandBuilder, type Attachment, type ChatInputCommandInteraction } from 'discord.js';
import { importedTasteText, importTaste, MAX_IMPORT_BYTES, UserError } from '../../../core/index.ts';
import { phrase } from '../../shared/user-error-text.ts';
import { downloadUpload, tooLargeText } from '../../shared/upload.ts';
import { identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';
import { DISCORD_USER_ERROR_TEXT } from '../user-error-text.ts';

const FORMATS = "Letterboxd's export (the ZIP, or its ratings.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings CSV or Trakt's JSON";

/** Imports still running after their defer, so a test (or a shutdown) can wait for them. */
const running = new Set<Promise<void>>();
export const importsRunning = () => Promise.all([...running]);

/**
 * /import file:<attachment>: another site's export, attached to the
 * command. A file over the limit is refused from its announced size, before
 * any download. Downloading, reading and storing a large export takes
 * longer than Discord's 3 s, so the reply is deferred (privately) and the
 * summary edited in; that part runs on after the router's first-response
 * deadline and answers its own failures.
 */
export const importCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('import')
    .setDescription('Import your ratings, watched films and watchlist from Letterboxd, IMDb or Trakt')
    .addAttachmentOption((o) => o.setName('file').setDescription("Letterboxd's export ZIP or CSV, IMDb's ratings CSV, or Trakt's JSON").setRequired(true)),

  async execute(i, d) {
    const file = i.options.getAttachment('file', true);
    if (file.size > MAX_IMPORT_BYTES) {
      return void (await i.reply({ content: tooLargeText(file.name, file.size), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
    }
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const work = answerImport(i, d, file).finally(() => running.delete(work));
    running.add(work);
  },
};

async function answerImport(i: ChatInputCommandInteraction, d: DiscordDeps, file: Attachment): Promise<void> {
  let content: string;
  try {
    const upload = await downloadUpload(file.url, file.name);
    if ('problem' in upload) content = upload.problem;
    else {
      const result = await importTaste(d.deps, { identity: identityOf(i), file: upload });
      const changed = Object.values(result.stored).some((n) => n > 0);
      content = importedTasteText(result) + (changed ? ' /recommend now takes it into account.' : '');
    }
  } catch (err) {
    if (!(err instanceof UserError)) d.logger.error({ err, interactionId: i.id }, 'discord import failed');
    content = err instanceof UserError ? `${phrase(DISCORD_USER_ERROR_TEXT, err)} It takes ${FORMATS}.` : 'Something went wrong on our side; please try again.';
  }
  await i
    .editReply({ content: content.slice(0, 2000), allowedMentions: NO_MENTIONS })
    .catch((err: unknown) => d.logger.warn({ err, interactionId: i.id }, 'could not answer an import'));
}
