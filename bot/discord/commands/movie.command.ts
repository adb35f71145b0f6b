import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import { movieLabel, type Movie } from '../../../core/index.ts';
import { markId } from '../../shared/mark-id.ts';
import { movieUrl } from '../../shared/movie-link.ts';
import { feedbackButtons } from '../buttons/feedback.buttons.ts';
import { NO_MENTIONS } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';
import { movieAutocomplete, movieIdOf } from '../movie-option.ts';

/** A single-movie card: its 👍/👎 buttons and 👍/👎 reactions both count as feedback; 👁/🕐 mark it seen or for later. */
export function movieCard(movie: Movie) {
  const embed = new EmbedBuilder()
    .setTitle(movieLabel(movie, 256))
    .setURL(movieUrl(movie.id))
    .setDescription(movie.genres.filter((g) => g !== '(no genres listed)').join(', ') || null)
    .setFooter({ text: 'Rate with the buttons or react 👍 / 👎' });
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(feedbackButtons.id({ value: 1, movieId: movie.id }))
      .setLabel('👍')
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(feedbackButtons.id({ value: -1, movieId: movie.id }))
      .setLabel('👎')
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(markId('seen', movie.id)).setLabel('👁 Seen it').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(markId('later', movie.id)).setLabel('🕐 Later').setStyle(ButtonStyle.Secondary),
  );
  return { embeds: [embed], components: [buttons], allowedMentions: NO_MENTIONS };
}

/** /movie: a card for the channel to rate; public on purpose (a movie night's candidates). */
export const movieCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('movie')
    .setDescription('Post a movie for everyone to rate with 👍/👎 (buttons or reactions)')
    .addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),

  autocomplete: movieAutocomplete,

  async execute(i, d) {
    const movie = d.deps.catalog.get(movieIdOf(i, d))!;
    await i.reply(movieCard(movie));
  },
};
