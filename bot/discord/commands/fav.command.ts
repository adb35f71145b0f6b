import { SlashCommandBuilder, MessageFlags } from 'discord.js';
import { addFavorite, listFavorites, movieLabel, removeFavorite } from '../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';
import { movieAutocomplete, movieIdOf } from '../movie-option.ts';

/** /fav add|list|remove: the person's favourites, answered privately. */
export const favCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('fav')
    .setDescription('Your favourite movies')
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Save a favourite')
        .addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('List your favourites'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a favourite')
        .addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),
    ),

  autocomplete: movieAutocomplete,

  async execute(i, d) {
    const sub = i.options.getSubcommand();
    if (sub === 'add') {
      const { movie, added } = await addFavorite(d.deps, identityOf(i), movieIdOf(i, d));
      await i.reply({
        content: `⭐ ${movieLabel(movie)} is ${added ? 'now' : 'already'} a favourite.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    } else if (sub === 'remove') {
      const movie = await removeFavorite(d.deps, identityOf(i), movieIdOf(i, d));
      await i.reply({ content: `Removed ${movieLabel(movie)}.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } else {
      const movies = await listFavorites(d.deps, identityOf(i));
      const text = movies.length ? movies.map((m, n) => `${n + 1}. ${movieLabel(m)}`).join('\n') : 'No favourites yet: /fav add';
      await i.reply({ content: text.slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    }
  },
};
