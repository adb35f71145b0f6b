import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { movieLabel, UserError } from '../../core/index.ts';
import type { DiscordDeps } from './discord-context.ts';

/**
 * The `movie` option /fav and /movie share. Autocomplete is answered from
 * memory: it cannot be deferred, and Discord allows 25 choices of ≤ 100 characters.
 */
export async function movieAutocomplete(i: AutocompleteInteraction, { deps }: DiscordDeps): Promise<void> {
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
    if (!deps.catalog.get(Number(choice[1]))) throw new UserError('CHOICE_NOT_IN_CATALOG', 'That movie is not in the catalog; pick one from the list.');
    return Number(choice[1]);
  }
  const [best] = deps.catalog.search(value, { limit: 1 });
  if (!best) throw new UserError('NO_TITLE_MATCH', 'No movie matches that title.');
  return best.id;
}
