import { PermissionFlagsBits } from 'discord.js';
import { movieNightTimeZone, setMovieNightTimeZone } from '../../../../core/index.ts';
import { privately, serverOf, type NightSubcommand } from './subcommand.ts';

/** /movienight settings [timezone:<IANA name>]: the zone nights are read and shown in; members who manage the server or its events change it. */
export const settingsSubcommand: NightSubcommand = {
  name: 'settings',
  build: (s) =>
    s
      .setName('settings')
      .setDescription("This server's movie night settings")
      .addStringOption((o) => o.setName('timezone').setDescription('Time zone, e.g. Europe/Berlin or America/New_York').setMaxLength(64)),

  async execute(i, d) {
    const community = await serverOf(i);
    if (!community) return;
    const wanted = i.options.getString('timezone');
    if (!wanted) return void (await i.reply(privately(`Movie nights here use the time zone ${await movieNightTimeZone(d.deps, community)}.`)));
    const may = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) || i.memberPermissions?.has(PermissionFlagsBits.ManageEvents);
    if (!may) return void (await i.reply(privately('Only members who can manage the server or its events can change the time zone.')));
    const zone = await setMovieNightTimeZone(d.deps, community, wanted);
    await i.reply(privately(`Movie nights here now use the time zone ${zone}. Nights already planned keep theirs.`));
  },
};
