import { PermissionFlagsBits } from 'discord.js';
import { latestNight, liveNight } from '../../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../../discord-context.ts';
import { privately, serverOf, type NightSubcommand } from './subcommand.ts';

/**
 * /movienight close: ends the vote (the host, or a member with Manage
 * Events), posts the winner and adds it to the server's events. Used again
 * on a closed night whose event could not be made (the permission was
 * missing), it tries the event again. Answered directly, like every
 * handler: closing is a few writes and one call to Discord.
 */
export const closeSubcommand: NightSubcommand = {
  name: 'close',
  build: (s) => s.setName('close').setDescription("Close this channel's movie night vote and announce the film"),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const night = (await liveNight(d.deps, community, i.channelId))?.night ?? (await latestNight(d.deps, community, i.channelId, ['closed']));
    if (!night) return void (await i.reply(privately('No movie night vote is open in this channel.')));
    if (night.eventId !== null) return void (await i.reply(privately('The vote is closed already; the film is on the server’s events.')));
    const mayManage = i.memberPermissions?.has(PermissionFlagsBits.ManageEvents) ?? false;
    const { text } = await d.nights.close(night.id, { identity: identityOf(i), mayManage }, i.guildId);
    await i.reply({ content: text, allowedMentions: NO_MENTIONS });
  },
};
