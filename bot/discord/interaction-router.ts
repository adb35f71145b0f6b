import { MessageFlags, type ButtonInteraction, type Interaction, type StringSelectMenuInteraction } from 'discord.js';
import type { DiscordDeps } from './discord-context.ts';
import type { ComponentHandler } from './interaction.ts';
import { BUTTONS, COMMANDS, SELECT_MENUS } from './registry.ts';

const commands = new Map(COMMANDS.map((c) => [c.definition.name, c]));

/**
 * Hands an interaction to its handler from the registry: a command by its
 * name, autocomplete by its command, a button or select menu by the prefix
 * of its custom id. An unknown command or autocomplete is left unanswered.
 */
export async function dispatch(i: Interaction, d: DiscordDeps): Promise<void> {
  if (i.isAutocomplete()) return await commands.get(i.commandName)?.autocomplete?.(i, d);
  if (i.isChatInputCommand()) return await commands.get(i.commandName)?.execute(i, d);
  if (i.isButton()) return await runComponent(BUTTONS, i, d);
  if (i.isStringSelectMenu()) return await runComponent(SELECT_MENUS, i, d);
}

/** The owner of the id (at most one: prefixes do not overlap) runs; an id nobody can read (an old message's) is told so, privately. */
async function runComponent<I extends ButtonInteraction | StringSelectMenuInteraction>(
  handlers: readonly ComponentHandler<I, unknown>[],
  i: I,
  d: DiscordDeps,
): Promise<void> {
  const handler = handlers.find((h) => i.customId.startsWith(h.prefix));
  const args = handler ? handler.parse(i.customId) : null;
  if (handler && args !== null) return await handler.run(i, d, args);
  await i.reply({ content: 'This button has expired.', flags: MessageFlags.Ephemeral });
}
