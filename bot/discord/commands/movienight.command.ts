import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../interaction.ts';
import { movieAutocomplete } from '../movie-option.ts';
import { closeSubcommand } from './movienight/close.ts';
import { doneSubcommand } from './movienight/done.ts';
import { historySubcommand } from './movienight/history.ts';
import { nominateSubcommand } from './movienight/nominate.ts';
import { settingsSubcommand } from './movienight/settings.ts';
import { startSubcommand } from './movienight/start.ts';

/** The subcommands, one file each in movienight/. */
const SUBCOMMANDS = [startSubcommand, nominateSubcommand, closeSubcommand, doneSubcommand, historySubcommand, settingsSubcommand];
const byName = new Map(SUBCOMMANDS.map((s) => [s.name, s]));

const definition = new SlashCommandBuilder().setName('movienight').setDescription('Plan a movie night: RSVP, a fair shortlist, a vote, the server event');
for (const sub of SUBCOMMANDS) definition.addSubcommand((s) => sub.build(s));

/** /movienight start|nominate|close|done|history|settings: plan a night, pick a film fairly, vote, and say how it was. */
export const movieNightCommand: SlashCommand = {
  definition,

  // Only nominate's movie option autocompletes.
  autocomplete: movieAutocomplete,

  async execute(i, d) {
    await byName.get(i.options.getSubcommand())?.execute(i, d);
  },
};
