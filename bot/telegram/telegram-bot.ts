import { randomBytes } from 'node:crypto';
import { Telegraf } from 'telegraf';
import { joinCommunity, withDeadline } from '../../core/index.ts';
import { favHandler } from './handlers/fav.handler.ts';
import { feedbackHandler } from './handlers/feedback.handler.ts';
import { forgetHandler } from './handlers/forget.handler.ts';
import { importHandler } from './handlers/import.handler.ts';
import { inlineHandler } from './handlers/inline.handler.ts';
import { LINK_COMMANDS, linkHandler } from './handlers/link.handler.ts';
import { markHandler } from './handlers/mark.handler.ts';
import { movieHandler } from './handlers/movie.handler.ts';
import { movieNightHandler } from './handlers/movienight.handler.ts';
import { nightPollHandler } from './handlers/night-poll.handler.ts';
import { nightRatingHandler } from './handlers/night-rating.handler.ts';
import { nightRsvpHandler } from './handlers/night-rsvp.handler.ts';
import { nominateHandler } from './handlers/nominate.handler.ts';
import { reactionHandler } from './handlers/reaction.handler.ts';
import { recommendHandler } from './handlers/recommend.handler.ts';
import { shareHandler } from './handlers/share.handler.ts';
import { startHandler } from './handlers/start.handler.ts';
import { trendsHandler } from './handlers/trends.handler.ts';
import { watchlistHandler } from './handlers/watchlist.handler.ts';
import { CardRegistry } from './movie-card.ts';
import { NightActions } from './night-actions.ts';
import { NightBoard } from './night-board.ts';
import { NightClock } from './night-clock.ts';
import { answerInTime } from './reply-errors.ts';
import { groupOf, identityOf, type TelegramDeps } from './telegram-context.ts';

const RECENT_UPDATES = 10_000;
const FLUSH_MS = 5_000;
// poll_answer: answers to the movie night's native poll (Telegram sends them only when asked for).
const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'message_reaction', 'poll_answer'] as const;

export const COMMANDS = [
  { command: 'fav', description: 'save a favourite movie' },
  { command: 'recommend', description: 'movies for you (in a group: /recommend group)' },
  { command: 'movie', description: 'post a movie for the chat to rate' },
  { command: 'trends', description: "the group's taste" },
  { command: 'movienight', description: 'plan a movie night in a group: /movienight fri 21:00' },
  { command: 'nominate', description: "add a film to the group's movie night" },
  { command: 'watchlist', description: 'the films you keep for later' },
  { command: 'share', description: 'a link to your page' },
  { command: 'forget', description: 'delete everything about you' },
  ...LINK_COMMANDS,
  { command: 'help', description: 'what I can do' },
];

/** What runs beside a bot once launched: the movie nights' clock, and their pending message edits to finish on shutdown. */
const running = new WeakMap<Telegraf, { clock: NightClock; board: NightBoard }>();

/** The Telegram bot: every handler registered here, in one place. */
export function createTelegramBot(token: string, apiRoot: string, deps: TelegramDeps): Telegraf {
  // webhookReply off: every call goes to the API, so its result (e.g. a sent message's id) is known.
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  // Telegram redelivers an update it thinks was lost; each is handled once.
  const recent = new Set<number>();
  bot.use(async (ctx, next) => {
    if (recent.has(ctx.update.update_id)) return;
    recent.add(ctx.update.update_id);
    if (recent.size > RECENT_UPDATES) recent.delete(recent.values().next().value!);
    await next();
  });
  // Everything below (bookkeeping included) answers within the deadline, or apologizes.
  bot.use(answerInTime(deps.logger));
  // Talking to the bot in a group makes you one of the members its group pick and trends are for.
  bot.use(async (ctx, next) => {
    // Updates without a chat (poll_answer, inline queries) have no group: groupOf is null for them.
    const group = groupOf(ctx);
    if (group && ctx.from && !ctx.from.is_bot) {
      // Bookkeeping only: if it fails the update is still answered.
      await joinCommunity(deps.deps, identityOf(ctx), group).catch((err: unknown) =>
        deps.logger.warn({ err, updateId: ctx.update.update_id }, 'could not record group membership'),
      );
    }
    await next();
  });
  const cards = new CardRegistry();
  const board = new NightBoard(bot.telegram, deps.deps, deps.logger);
  const nights = new NightActions(bot.telegram, deps.deps, board, deps.logger);
  running.set(bot, { clock: new NightClock(nights, deps.logger), board });
  bot.use(
    startHandler(deps),
    favHandler(deps),
    recommendHandler(deps),
    feedbackHandler(deps),
    markHandler(deps),
    watchlistHandler(deps),
    importHandler(deps),
    movieHandler(deps, cards),
    reactionHandler(deps, cards),
    trendsHandler(deps),
    shareHandler(deps),
    forgetHandler(deps),
    linkHandler(deps),
    inlineHandler(deps),
    movieNightHandler(deps, nights),
    nightRsvpHandler(deps, nights),
    nominateHandler(deps, nights),
    nightPollHandler(deps, nights),
    nightRatingHandler(deps),
  );
  bot.action(/.*/, (ctx) => ctx.answerCbQuery('This button has expired.'));
  // Without bot.catch a throwing handler stops polling and the update is lost for good.
  bot.catch((err, ctx) => deps.logger.error({ err, updateId: ctx.update.update_id }, 'telegram update failed'));
  return bot;
}

export interface WebhookOptions {
  /** The public URL Telegram posts to. */
  url: string;
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; other requests are refused. */
  secret?: string;
  /** Local port of the webhook server. */
  port: number;
  host?: string;
}

/** Starts long polling, or a webhook server when `webhook` is given; resolves once updates can arrive. */
export async function launchTelegramBot(bot: Telegraf, webhook?: WebhookOptions): Promise<() => Promise<void>> {
  // Known before updates flow, so the banner and /healthz can name the bot (and a bad token fails here).
  bot.botInfo = await bot.telegram.getMe();
  await bot.telegram.setMyCommands(COMMANDS);
  if (webhook) {
    const url = new URL(webhook.url);
    await bot.launch({
      allowedUpdates: [...ALLOWED_UPDATES],
      webhook: {
        domain: url.origin,
        path: url.pathname === '/' ? '/telegram' : url.pathname,
        port: webhook.port,
        host: webhook.host,
        secretToken: webhook.secret ?? randomBytes(32).toString('base64url'),
      },
    });
  } else {
    void bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] });
  }
  const extras = running.get(bot);
  extras?.clock.start();
  return async () => {
    await extras?.clock.stop();
    bot.stop('shutdown');
    // The last edits of the nights' messages, so they end exact; an unreachable API does not hold the shutdown.
    if (extras) await withDeadline(extras.board.flush(), FLUSH_MS, 'movie night edits').catch(() => undefined);
  };
}
