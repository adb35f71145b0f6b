import { ActionRowBuilder, ButtonBuilder, ButtonStyle, SlashCommandBuilder, MessageFlags } from 'discord.js';
import { forgetConfirmButton } from '../buttons/forget-confirm.button.ts';
import type { SlashCommand } from '../interaction.ts';

/** /forget asks first: the confirm button does the deleting. */
export const forgetCommand: SlashCommand = {
  definition: new SlashCommandBuilder().setName('forget').setDescription('Delete everything the bot holds about you'),

  async execute(i) {
    await i.reply({
      content: 'This deletes your favourites, ratings and share link.',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(forgetConfirmButton.id({})).setLabel('Delete everything').setStyle(ButtonStyle.Danger),
        ),
      ],
      flags: MessageFlags.Ephemeral,
    });
  },
};
