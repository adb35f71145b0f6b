import { liveNight, movieLabel, nominate } from '../../../../core/index.ts';
import { identityOf } from '../../discord-context.ts';
import { movieIdOf } from '../../movie-option.ts';
import { NO_NIGHT_HERE, privately, serverOf, type NightSubcommand } from './subcommand.ts';

/** /movienight nominate movie:<autocomplete>: adds a film to the channel's night (2 per member), answered privately. */
export const nominateSubcommand: NightSubcommand = {
  name: 'nominate',
  build: (s) =>
    s
      .setName('nominate')
      .setDescription("Add a film to this channel's movie night")
      .addStringOption((o) => o.setName('movie').setDescription('Title').setRequired(true).setAutocomplete(true)),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const live = await liveNight(d.deps, community, i.channelId);
    if (!live) return void (await i.reply(privately(NO_NIGHT_HERE)));
    const movieId = movieIdOf(i, d);
    await nominate(d.deps, { nightId: live.night.id, identity: identityOf(i), movieId });
    d.nights.board.touch(live.night.id);
    await i.reply(privately(`Added ${movieLabel(d.deps.catalog.get(movieId)!)} to the list.`));
  },
};
