import { ChannelType } from 'discord.js';
import { nightMessagePosted, refreshShortlist, startMovieNight } from '../../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../../discord-context.ts';
import { serverOf, type NightSubcommand } from './subcommand.ts';

/**
 * /movienight start when:<text> [channel:<voice/stage>] [candidates:3-5] [place:<text>]:
 * opens the channel's night and answers with its public message, the one
 * kept up to date. With a night already open it shows that one instead
 * (a fresh copy, which becomes the message kept up to date).
 */
export const startSubcommand: NightSubcommand = {
  name: 'start',
  build: (s) =>
    s
      .setName('start')
      .setDescription('Plan a movie night in this channel')
      .addStringOption((o) =>
        o.setName('when').setDescription('When: "fri 21:00", "tomorrow 8pm", "in 2h", "2026-12-12 20:30"').setRequired(true).setMaxLength(100),
      )
      .addChannelOption((o) =>
        o.setName('channel').setDescription('The voice or stage channel you watch in').addChannelTypes(ChannelType.GuildVoice, ChannelType.GuildStageVoice),
      )
      .addIntegerOption((o) => o.setName('candidates').setDescription('How many films to choose from (3–5, default 4)').setMinValue(3).setMaxValue(5))
      .addStringOption((o) => o.setName('place').setDescription("Where, if not in a voice channel (e.g. Ann's place)").setMaxLength(100)),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const { state, created } = await startMovieNight(d.deps, {
      identity: identityOf(i),
      community,
      channelId: i.channelId,
      when: i.options.getString('when', true),
      voiceChannelId: i.options.getChannel('channel')?.id ?? null,
      location: i.options.getString('place')?.trim() || null,
      candidates: i.options.getInteger('candidates') ?? undefined,
    });
    const message = await d.nights.board.render(created ? state : await refreshShortlist(d.deps, state.night.id));
    const response = await i.reply({
      ...message,
      content: created ? '' : 'There is a movie night planned here already:',
      allowedMentions: NO_MENTIONS,
      withResponse: true,
    });
    const messageId = response.resource?.message?.id;
    if (messageId) await nightMessagePosted(d.deps, state.night.id, messageId);
  },
};
