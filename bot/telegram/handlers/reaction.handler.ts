import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import type { ReactionType } from 'telegraf/types';
import { recordFeedback, UserError } from '../../../core/index.ts';
import type { CardRegistry } from '../movie-card.ts';
import type { TelegramDeps } from '../telegram-context.ts';

const VALUE: Record<string, 1 | -1> = { '👍': 1, '👎': -1 };
const stanceOf = (reactions: ReactionType[]) => reactions.map((r) => (r.type === 'emoji' ? VALUE[r.emoji] : undefined)).find((v) => v !== undefined) ?? 0;

/**
 * 👍/👎 on a movie card (message_reaction: delivered in private chats, and
 * in groups where the bot is an admin) counts as feedback; taking the
 * reaction away takes the feedback back.
 */
export function reactionHandler({ deps, logger }: TelegramDeps, cards: CardRegistry): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message_reaction', async (ctx) => {
    const { chat, message_id, user, old_reaction, new_reaction } = ctx.update.message_reaction;
    const movieId = cards.movieOf(chat.id, message_id);
    // Anonymous admins react as the chat (no user): nobody to attribute it to.
    if (movieId === undefined || !user || user.is_bot) return;
    const before = stanceOf(old_reaction);
    const after = stanceOf(new_reaction);
    if (before === after) return;
    try {
      await recordFeedback(deps, {
        identity: { platform: 'telegram', platformUserId: String(user.id), username: user.username ?? user.first_name ?? null },
        movieId,
        value: after,
        retracts: after === 0 && before !== 0 ? before : undefined,
        source: 'reaction',
        communityId: null,
      });
    } catch (err) {
      if (!(err instanceof UserError)) logger.error({ err, updateId: ctx.update.update_id }, 'telegram reaction failed');
    }
  });
  return composer;
}
