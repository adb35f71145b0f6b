import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { DiscordDeps } from './discord-context.ts';

/**
 * A slash command: what Discord is told about it (`moviebot discord
 * register` sends `definition.toJSON()`), what runs when it is used, and
 * the answer to its autocomplete, if it has an option that autocompletes.
 */
export interface SlashCommand {
  readonly definition: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void>;
  autocomplete?(i: AutocompleteInteraction, d: DiscordDeps): Promise<void>;
}

/**
 * A message component (button or select menu) that owns the custom ids
 * starting with `prefix` (as Sapphire's interaction handlers do): `id`
 * writes one, `parse` reads one back, or returns null for an id it does not
 * recognise (stale or forged), and `run` answers a click on it. Custom ids
 * hold at most 100 characters (Discord).
 */
export interface ComponentHandler<I, Args> {
  readonly prefix: string;
  id(args: Args): string;
  parse(customId: string): Args | null;
  // Method syntax on purpose: handlers with different Args share one registry list.
  run(i: I, d: DiscordDeps, args: Args): Promise<void>;
}

export type ButtonHandler<Args> = ComponentHandler<ButtonInteraction, Args>;
export type SelectMenuHandler<Args> = ComponentHandler<StringSelectMenuInteraction, Args>;
