import { latestNight } from '../../../../core/index.ts';
import { NO_MENTIONS } from '../../discord-context.ts';
import { privately, serverOf, type NightSubcommand } from './subcommand.ts';

/** /movienight done: the film is over; asks "How was <film>?" with 👍/👎 (once per night; the event ending asks too). */
export const doneSubcommand: NightSubcommand = {
  name: 'done',
  build: (s) => s.setName('done').setDescription('The film is over: ask how it was'),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const night = await latestNight(d.deps, community, i.channelId, ['closed']);
    if (!night) return void (await i.reply(privately('There is no closed movie night in this channel to ask about.')));
    const message = await d.nights.askHowWasIt(night.id);
    if (!message) return void (await i.reply(privately('I have asked how it was already.')));
    await i.reply({ ...message, allowedMentions: NO_MENTIONS });
  },
};
