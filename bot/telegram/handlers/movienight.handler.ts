import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import {
  closeMovieNight,
  latestNight,
  liveNight,
  movieNightHistory,
  movieNightTimeZone,
  setMovieNightTimeZone,
  startMovieNight,
  UserError,
  type CommunityRef,
  type NightResult,
} from '../../../core/index.ts';
import type { NightActions } from '../night-actions.ts';
import { historyText } from '../night-text.ts';
import { answering } from '../reply-errors.ts';
import { groupOf, identityOf, isGroupAdmin, type TelegramDeps } from '../telegram-context.ts';

export const IN_GROUPS_ONLY = 'Movie nights happen in groups: add me to one and send /movienight fri 21:00 there.';
export const NO_LIVE_NIGHT = 'No movie night is planned here. Start one: /movienight fri 21:00';
const USAGE = [
  '/movienight <when> — plan one (e.g. /movienight fri 21:00, tomorrow 8pm, in 2h)',
  '/movienight vote — send the poll (the list is fixed from then on)',
  '/movienight close — end the vote (the host or an admin)',
  '/movienight done — ask how it was',
  '/movienight history — past nights',
  '/movienight timezone <Europe/Berlin> — the group’s time zone (admins)',
  '/nominate <title> — add a film',
].join('\n');
const HISTORY_LIMIT = 10;

type Sub = (ctx: Context, group: CommunityRef, args: string) => Promise<void>;

/**
 * /movienight in a group: plans a night (`/movienight <when>`), and runs
 * it: vote, close, done, history, timezone. In a private chat it says it
 * works in groups.
 */
export function movieNightHandler({ deps, logger }: TelegramDeps, nights: NightActions): Composer<Context> {
  const channelOf = (ctx: Context) => String(ctx.chat!.id);
  const live = async (ctx: Context, group: CommunityRef) => {
    const state = await liveNight(deps, group, channelOf(ctx));
    if (!state) await ctx.reply(NO_LIVE_NIGHT);
    return state;
  };

  const start: Sub = async (ctx, group, when) => {
    const { state, created } = await startMovieNight(deps, { identity: identityOf(ctx), community: group, channelId: channelOf(ctx), when });
    await nights.board.post(state.night.id, created ? undefined : 'There is a movie night planned here already:');
  };
  const show: Sub = async (ctx, group) => {
    const state = await liveNight(deps, group, channelOf(ctx));
    if (state) await nights.board.post(state.night.id);
    else await ctx.reply(`${NO_LIVE_NIGHT}\n\n${USAGE}`);
  };
  const vote: Sub = async (ctx, group) => {
    const state = await live(ctx, group);
    if (state) await nights.sendVote(state.night.id);
  };
  const close: Sub = async (ctx, group) => {
    const state = await live(ctx, group);
    if (!state) return;
    const request = { nightId: state.night.id, identity: identityOf(ctx) };
    let result: NightResult;
    try {
      result = await closeMovieNight(deps, { ...request, mayManage: false });
    } catch (err) {
      // Only someone who is not the host needs the admin check (one API call).
      if (!(err instanceof UserError && err.code === 'NOT_HOST' && (await isGroupAdmin(ctx)))) throw err;
      result = await closeMovieNight(deps, { ...request, mayManage: true });
    }
    await nights.announce(result);
  };
  const done: Sub = async (ctx, group) => {
    const night = await latestNight(deps, group, channelOf(ctx), ['closed']);
    if (!night) return void (await ctx.reply('No movie night here is waiting for "how was it?". Close the vote first: /movienight close'));
    if (!(await nights.askHowWasIt(night.id))) await ctx.reply('I have asked how it was already.');
  };
  const history: Sub = async (ctx, group) => {
    await ctx.reply(historyText(await movieNightHistory(deps, group, HISTORY_LIMIT)));
  };
  const timezone: Sub = async (ctx, group, zone) => {
    if (!zone) {
      const current = await movieNightTimeZone(deps, group);
      return void (await ctx.reply(`Movie nights here are in ${current}. An admin can change it: /movienight timezone Europe/Berlin`));
    }
    if (!(await isGroupAdmin(ctx))) return void (await ctx.reply('Only a group admin can change the time zone.'));
    await ctx.reply(`Movie nights here are now in ${await setMovieNightTimeZone(deps, group, zone)}.`);
  };
  const help: Sub = async (ctx) => void (await ctx.reply(USAGE));
  const subs = new Map<string, Sub>(Object.entries({ vote, close, done, history, timezone, help }));

  const composer = new Composer<Context>();
  composer.command('movienight', (ctx) =>
    answering(ctx, logger, async () => {
      const group = groupOf(ctx);
      if (!group) return void (await ctx.reply(IN_GROUPS_ONLY));
      const payload = ctx.payload.trim().slice(0, 200);
      const [word = '', ...rest] = payload.split(/\s+/);
      const sub = subs.get(word.toLowerCase());
      if (sub) return sub(ctx, group, rest.join(' '));
      return payload ? start(ctx, group, payload) : show(ctx, group, '');
    }),
  );
  return composer;
}
