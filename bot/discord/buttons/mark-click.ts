import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { addToWatchlist, markSeen, movieLabel } from '../../../core/index.ts';
import { movieIdOfUrl } from '../../shared/movie-link.ts';
import type { Mark } from '../../shared/mark-id.ts';
import { identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';
import { replaceInList } from '../list-slot.ts';

/**
 * A "👁 Seen it" or "🕐 Later" click: stored first (both are idempotent:
 * the same click twice changes nothing), then acknowledged like 👍/👎 — on
 * a list the film leaves and a fresh one takes its slot (neither seen nor
 * watchlisted films are recommended); on a channel's movie card, privately.
 */
export async function markClick(i: ButtonInteraction, d: DiscordDeps, mark: Mark, movieId: number): Promise<void> {
  const identity = identityOf(i);
  const { movie, changed } =
    mark === 'seen'
      ? await markSeen(d.deps, identity, movieId, 'button').then((r) => ({ movie: r.movie, changed: r.marked }))
      : await addToWatchlist(d.deps, identity, movieId).then((r) => ({ movie: r.movie, changed: r.added }));
  const label = movieLabel(movie);
  const done = mark === 'seen' ? `👁 ${label} — seen; it won't be recommended again.` : `🕐 ${label} — on your watchlist (/watchlist).`;
  const already = mark === 'seen' ? `${label} is already marked as seen.` : `${label} is already on your watchlist.`;
  if (movieIdOfUrl(i.message.embeds[0]?.url) !== null) {
    return void (await i.reply({ content: changed ? done : already, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
  }
  const note = changed ? `${done.replace(/\.$/, '')}; here is another one in its place.` : already;
  await replaceInList(i, d, identity, movie.id, note);
}
