import { SlashCommandBuilder, MessageFlags } from 'discord.js';
import { shareLink } from '../../../core/index.ts';
import { identityOf } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';

/** /share: a link to the person's page; `revoke` replaces it. */
export const shareCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('share')
    .setDescription('A link to a page with your favourites and recommendations')
    .addBooleanOption((o) => o.setName('revoke').setDescription('Replace your link; the old one stops working')),

  async execute(i, d) {
    const replace = i.options.getBoolean('revoke') ?? false;
    const url = await shareLink(d.share, identityOf(i), { replace });
    await i.reply({ content: replace ? `Your old link no longer works. New link: ${url}` : `Your page: ${url}`, flags: MessageFlags.Ephemeral });
  },
};
