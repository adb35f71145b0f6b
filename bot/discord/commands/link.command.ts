import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { LINK_CODE_LENGTH, linkCode, redeemLink } from '../../../core/index.ts';
import { linkCodeText, linkedText } from '../../shared/link-text.ts';
import { identityOf } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';

/** /link gives a one-time code; /link code:<code> makes this account and the one that made it one profile. Always private. */
export const linkCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('link')
    .setDescription('One profile across Discord, Telegram and the web: get a code, or use one')
    .addStringOption((o) =>
      o
        .setName('code')
        .setDescription('The code from your other account; leave empty to get a code')
        // Room for the dashes and spaces people type.
        .setMaxLength(LINK_CODE_LENGTH * 2),
    ),

  async execute(i, d) {
    const typed = i.options.getString('code')?.trim() ?? '';
    const content =
      typed === '' ? linkCodeText((await linkCode(d.deps, identityOf(i))).code) : linkedText((await redeemLink(d.deps, identityOf(i), typed)).linkedWith);
    await i.reply({ content, flags: MessageFlags.Ephemeral });
  },
};
