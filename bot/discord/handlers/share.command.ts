import { SlashCommandBuilder, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { shareLink } from '../../../core/index.ts';
import { identityOf, type DiscordDeps } from '../discord-context.ts';

export const shareDefinition = new SlashCommandBuilder()
  .setName('share')
  .setDescription('A link to a page with your favourites and recommendations')
  .addBooleanOption((o) => o.setName('revoke').setDescription('Replace your link; the old one stops working'));

export async function shareCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  const replace = i.options.getBoolean('revoke') ?? false;
  const url = await shareLink(d.share, identityOf(i), { replace });
  await i.reply({ content: replace ? `Your old link no longer works. New link: ${url}` : `Your page: ${url}`, flags: MessageFlags.Ephemeral });
}
