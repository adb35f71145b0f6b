import { SlashCommandBuilder, MessageFlags } from 'discord.js';
import { recommend, serverPick } from '../../../core/index.ts';
import { pickedFor } from '../../shared/picked-for.ts';
import { pageOf } from '../buttons/more.button.ts';
import { identityOf } from '../discord-context.ts';
import type { SlashCommand } from '../interaction.ts';
import { field, listMessage, PAGE } from '../recommendation-list.ts';

/** /recommend: five movies for the person (privately, with 👍/👎 and "more"), or the server pick (publicly). */
export const recommendCommand: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('recommend')
    .setDescription('Movies for you, or for the whole server')
    .addStringOption((o) => o.setName('for').setDescription('Who to pick for').addChoices({ name: 'me', value: 'me' }, { name: 'server', value: 'server' })),

  async execute(i, d) {
    if (i.options.getString('for') === 'server') {
      if (!i.guildId) return void (await i.reply({ content: 'The server pick works in a server, not in direct messages.', flags: MessageFlags.Ephemeral }));
      const { picks, members } = await serverPick(d.deps, { platform: 'discord', id: i.guildId }, PAGE);
      // Public: the server pick is for everyone in the channel; mentions show names but ping nobody.
      const message = listMessage(picks.map(field), [], {
        title: '🍿 Server pick',
        note: `🍿 Server pick — ${pickedFor(members, (m) => `<@${m.platformUserId}>`)}.`,
      });
      await i.reply({ ...message, components: [] });
      return;
    }
    await i.reply({ ...pageOf(await recommend(d.deps, identityOf(i), { k: PAGE }), 0), flags: MessageFlags.Ephemeral });
  },
};
