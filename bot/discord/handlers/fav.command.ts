import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { addFavorite, listFavorites, movieLabel, removeFavorite, UserError } from '../../../core/index.ts';
import { identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';

export const favDefinition = new SlashCommandBuilder()
  .setName('fav')
  .setDescription('Your favourite movies')
  .addSubcommand((s) =>
    s.setName('add').setDescription('Save a favourite').addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('list').setDescription('List your favourites'))
  .addSubcommand((s) =>
    s.setName('remove').setDescription('Remove a favourite').addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),
  );

/** Autocomplete is answered from memory: it cannot be deferred, and Discord allows 25 choices of ≤ 100 characters. */
export async function favAutocomplete(i: AutocompleteInteraction, { deps }: DiscordDeps): Promise<void> {
  const query = i.options.getFocused().slice(0, 100);
  const movies = query.trim() ? deps.catalog.search(query, { limit: 25 }) : [];
  await i.respond(movies.map((m) => ({ name: movieLabel(m, 100), value: choiceValue(m.id) })));
}

/** A choice's value: tagged, so a typed title that is a number ("1917") is searched, not taken for an id. */
const choiceValue = (movieId: number) => `id:${movieId}`;
const CHOICE = /^id:(\d{1,9})$/;

/** A picked choice carries the id; text typed without picking is searched. */
export function movieIdOf(i: ChatInputCommandInteraction, { deps }: DiscordDeps): number {
  const value = i.options.getString('movie', true).trim();
  const choice = CHOICE.exec(value);
  if (choice) {
    if (!deps.catalog.get(Number(choice[1]))) throw new UserError('MOVIE_NOT_FOUND', 'That movie is not in the catalog; pick one from the list.');
    return Number(choice[1]);
  }
  const [best] = deps.catalog.search(value, { limit: 1 });
  if (!best) throw new UserError('MOVIE_NOT_FOUND', 'No movie matches that title.');
  return best.id;
}

export async function favCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  const sub = i.options.getSubcommand();
  if (sub === 'add') {
    const { movie, added } = await addFavorite(d.deps, identityOf(i), movieIdOf(i, d));
    await i.reply({ content: `⭐ ${movieLabel(movie)} is ${added ? 'now' : 'already'} a favourite.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } else if (sub === 'remove') {
    const movie = await removeFavorite(d.deps, identityOf(i), movieIdOf(i, d));
    await i.reply({ content: `Removed ${movieLabel(movie)}.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } else {
    const movies = await listFavorites(d.deps, identityOf(i));
    const text = movies.length ? movies.map((m, n) => `${n + 1}. ${movieLabel(m)}`).join('\n') : 'No favourites yet: /fav add';
    await i.reply({ content: text.slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }
}
