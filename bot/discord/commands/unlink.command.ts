import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { unlink } from '../../../core/index.ts';
import { unlinkedText } from '../../shared/link-text.ts';
import { identityOf } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';

/** /unlink: this Discord account leaves the profile it was linked into, with a copy of the taste. Private. */
export const unlinkCommand: SlashCommand = {
  definition: new SlashCommandBuilder().setName('unlink').setDescription('Undo /link: this account keeps a copy of your favourites and ratings'),

  async execute(i, d) {
    const { others } = await unlink(d.deps, identityOf(i));
    await i.reply({ content: unlinkedText(others), flags: MessageFlags.Ephemeral });
  },
};
