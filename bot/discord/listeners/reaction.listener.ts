import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { recordFeedback, UserError } from '../../../core/index.ts';
import { movieIdOfUrl } from '../../shared/movie-link.ts';
import type { DiscordDeps } from '../discord-context.ts';

const VALUE: Record<string, 1 | -1> = { '👍': 1, '👎': -1 };

/**
 * 👍/👎 on one of the bot's movie cards counts as feedback; removing the
 * reaction takes it back (only that stance: a 👎 given since stays). The
 * card's link says which movie it is, so nothing needs storing per message.
 */
export async function onReaction(reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser, added: boolean, d: DiscordDeps): Promise<void> {
  const value = VALUE[reaction.emoji.name ?? ''];
  if (!value || user.bot) return;
  try {
    // Reactions on uncached messages arrive as partials: fetch what is needed.
    const message = reaction.message.partial ? await reaction.message.fetch() : reaction.message;
    if (message.author.id !== reaction.client.user.id) return;
    const movieId = movieIdOfUrl(message.embeds.length === 1 ? message.embeds[0]!.url : null);
    if (movieId === null) return;
    await recordFeedback(d.deps, {
      identity: { platform: 'discord', platformUserId: user.id, username: user.username ?? null },
      movieId,
      value: added ? value : 0,
      retracts: added ? undefined : value,
      source: 'reaction',
    });
  } catch (err) {
    // Nobody to answer for a reaction: a card for a movie no longer in the catalog is ignored.
    if (!(err instanceof UserError)) d.logger.error({ err, messageId: reaction.message.id }, 'discord reaction failed');
  }
}
