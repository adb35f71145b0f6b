import { EmbedBuilder, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { serverTrends, setTrendsPage } from '../../../core/index.ts';
import { trendsLines } from '../../shared/trends-text.ts';
import { NO_MENTIONS } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';

/** /trends: the server's taste, publicly; admins turn the public trends page on or off. */
export const trendsCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('trends')
    .setDescription("This server's taste: top genres, most liked, most divisive")
    .addStringOption((o) =>
      o.setName('page').setDescription('Admins: turn the public trends page on or off').addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
    ),

  async execute(i, d) {
    if (!i.guildId) return void (await i.reply({ content: 'Trends are about a server: use /trends in one.', flags: MessageFlags.Ephemeral }));
    const ref = { platform: 'discord' as const, id: i.guildId };
    const page = i.options.getString('page');
    if (page) {
      if (!i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
        return void (await i.reply({ content: 'Only members who can manage the server can turn the trends page on or off.', flags: MessageFlags.Ephemeral }));
      }
      await setTrendsPage(d.deps, ref, page === 'on');
      return void (await i.reply({ content: `The trends page is now ${page}.`, flags: MessageFlags.Ephemeral }));
    }
    const { heading, sections, footer } = trendsLines(await serverTrends(d.deps, ref, d.share.publicUrl));
    const embed = new EmbedBuilder()
      .setTitle(heading.slice(0, 256))
      .setFields(sections.map(([name, lines]) => ({ name, value: lines.join('\n').slice(0, 1024) })))
      .setFooter({ text: footer.slice(0, 2048) });
    // Public: it is the server's, and shows no single member's taste.
    await i.reply({ embeds: [embed], allowedMentions: NO_MENTIONS });
  },
};
