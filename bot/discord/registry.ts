/**
 * Everything the Discord bot answers, in one list. Adding a command, button
 * or select menu is one new file plus one line here: the router
 * (interaction-router.ts) and `moviebot discord register` read these lists.
 */
import { feedbackButtons } from './buttons/feedback.buttons.ts';
import { forgetConfirmButton } from './buttons/forget-confirm.button.ts';
import { laterButton } from './buttons/later.button.ts';
import { moreButton } from './buttons/more.button.ts';
import { nightRatingButtons } from './buttons/night-rating.buttons.ts';
import { nightRsvpButtons } from './buttons/night-rsvp.buttons.ts';
import { nightVoteButton } from './buttons/night-vote.button.ts';
import { seenButton } from './buttons/seen.button.ts';
import { favCommand } from './commands/fav.command.ts';
import { forgetCommand } from './commands/forget.command.ts';
import { importCommand } from './commands/import.command.ts';
import { linkCommand } from './commands/link.command.ts';
import { movieCommand } from './commands/movie.command.ts';
import { movieNightCommand } from './commands/movienight.command.ts';
import { recommendCommand } from './commands/recommend.command.ts';
import { shareCommand } from './commands/share.command.ts';
import { trendsCommand } from './commands/trends.command.ts';
import { unlinkCommand } from './commands/unlink.command.ts';
import { watchlistCommand } from './commands/watchlist.command.ts';
import type { ButtonHandler, SelectMenuHandler, SlashCommand } from './interaction.ts';

/** Slash commands, found by name. */
export const COMMANDS: readonly SlashCommand[] = [
  favCommand,
  recommendCommand,
  movieCommand,
  shareCommand,
  trendsCommand,
  forgetCommand,
  linkCommand,
  unlinkCommand,
  movieNightCommand,
  watchlistCommand,
  importCommand,
];

/** Buttons, found by the prefix of their custom id (no prefix may be a prefix of another). */
export const BUTTONS: readonly ButtonHandler<unknown>[] = [
  feedbackButtons,
  moreButton,
  forgetConfirmButton,
  nightRsvpButtons,
  nightVoteButton,
  nightRatingButtons,
  seenButton,
  laterButton,
];

/** Select menus, found the same way. */
export const SELECT_MENUS: readonly SelectMenuHandler<unknown>[] = [];

/** What `moviebot discord register` sends to Discord. */
export const COMMAND_DEFINITIONS = COMMANDS.map((c) => c.definition.toJSON());
