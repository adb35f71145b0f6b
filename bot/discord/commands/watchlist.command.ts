import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { movieLabel, watchlist } from '../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';

/** Films listed at once; the rest are counted (an embed description holds 4096 characters). */
export const WATCHLIST_SHOWN = 20;

/** /watchlist: the films the person keeps for later, best first for them; only they see it. */
export const watchlistCommand: SlashCommand = {
  definition: new SlashCommandBuilder().setName('watchlist').setDescription('The films you put aside with 🕐 Later, best first for you'),

  async execute(i, d) {
    const movies = await watchlist(d.deps, identityOf(i));
    if (movies.length === 0) {
      const content = 'Your watchlist is empty: press 🕐 under a film in /recommend or /movie to keep it for later.';
      return void (await i.reply({ content, flags: MessageFlags.Ephemeral }));
    }
    const shown = movies.slice(0, WATCHLIST_SHOWN);
    const lines = shown.map((m, n) => `${n + 1}. ${movieLabel(m)}`);
    if (movies.length > shown.length) lines.push(`… and ${movies.length - shown.length} more.`);
    const embed = new EmbedBuilder().setTitle('Your watchlist, best first for you').setDescription(lines.join('\n').slice(0, 4096));
    await i.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
