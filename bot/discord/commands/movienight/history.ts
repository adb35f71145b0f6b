import { formatWhen, movieLabel, movieNightHistory } from '../../../../core/index.ts';
import { NO_MENTIONS } from '../../discord-context.ts';
import { serverOf, type NightSubcommand } from './subcommand.ts';

const SHOWN = 10;

/** /movienight history: the server's last nights, each with its film, turnout and how it went. Public: it is the server's. */
export const historySubcommand: NightSubcommand = {
  name: 'history',
  build: (s) => s.setName('history').setDescription("This server's past movie nights"),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const nights = await movieNightHistory(d.deps, community, SHOWN);
    const lines = nights.map(
      ({ summary: s, movie }) =>
        `• ${formatWhen(s.startsAt, s.timeZone)} — **${movieLabel(movie)}** · ${s.attendees} in · ${s.votes} voted · 👍 ${s.liked} 👎 ${s.disliked}`,
    );
    const content = lines.length ? `**Past movie nights**\n${lines.join('\n')}` : 'No movie nights here yet. Start one with /movienight start.';
    await i.reply({ content: content.slice(0, 2000), allowedMentions: NO_MENTIONS });
  },
};
