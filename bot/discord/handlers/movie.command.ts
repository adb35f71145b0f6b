import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { movieLabel, type Movie } from '../../../core/index.ts';
import { movieUrl } from '../../shared/movie-link.ts';
import { ratingId } from '../../shared/rating-id.ts';
import { NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';
import { movieIdOf } from './fav.command.ts';

export const movieDefinition = new SlashCommandBuilder()
  .setName('movie')
  .setDescription('Post a movie for everyone to rate with 👍/👎 (buttons or reactions)')
  .addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true));

/** A single-movie card: its 👍/👎 buttons and 👍/👎 reactions both count as feedback. */
export function movieCard(movie: Movie) {
  const embed = new EmbedBuilder()
    .setTitle(movieLabel(movie, 256))
    .setURL(movieUrl(movie.id))
    .setDescription(movie.genres.filter((g) => g !== '(no genres listed)').join(', ') || null)
    .setFooter({ text: 'Rate with the buttons or react 👍 / 👎' });
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(ratingId(1, movie.id)).setLabel('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(ratingId(-1, movie.id)).setLabel('👎').setStyle(ButtonStyle.Secondary),
  );
  return { embeds: [embed], components: [buttons], allowedMentions: NO_MENTIONS };
}

/** Public on purpose: a card is for the channel to rate (a movie night's candidates). */
export async function movieCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  const movie = d.deps.catalog.get(movieIdOf(i, d))!;
  await i.reply(movieCard(movie));
}
