import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { forgetUser } from '../../../core/index.ts';
import { identityOf, type DiscordDeps } from '../discord-context.ts';

export const FORGET_CONFIRM = 'x:forget';

export const forgetDefinition = new SlashCommandBuilder().setName('forget').setDescription('Delete everything the bot holds about you');

/** Asks first: the button does the deleting. */
export async function forgetCommand(i: ChatInputCommandInteraction): Promise<void> {
  await i.reply({
    content: 'This deletes your favourites, ratings and share link.',
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(FORGET_CONFIRM).setLabel('Delete everything').setStyle(ButtonStyle.Danger),
      ),
    ],
    flags: MessageFlags.Ephemeral,
  });
}

export async function forgetButton(i: ButtonInteraction, d: DiscordDeps): Promise<void> {
  const existed = await forgetUser(d.deps, identityOf(i));
  await i.update({ content: existed ? 'Done: everything about you is deleted.' : 'There was nothing to delete.', components: [] });
}
