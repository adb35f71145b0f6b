import { MessageFlags } from 'discord.js';
import { movieLabel, recordFeedback } from '../../../core/index.ts';
import { movieIdOfUrl } from '../../shared/movie-link.ts';
import { parseRatingId, ratingId } from '../../shared/rating-id.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { replaceInList } from '../list-slot.ts';

/**
 * The 👍/👎 buttons on lists and movie cards (ids "r:u:<movie>" and
 * "r:d:<movie>", the same scheme as Telegram's). A click is stored first
 * (the interaction id makes a redelivery count once), then acknowledged: on
 * a list, by updating it in place (the rated movie is marked in the note
 * and a fresh one takes its place; the others stay); on a movie card, which
 * is the channel's, privately, leaving the card as it is.
 */
export const feedbackButtons: ButtonHandler<{ value: 1 | -1; movieId: number }> = {
  prefix: 'r:',
  id: ({ value, movieId }) => ratingId(value, movieId),
  parse: parseRatingId,
  async run(i, d, { value, movieId }) {
    const identity = identityOf(i);
    const { movie, recorded } = await recordFeedback(d.deps, { identity, movieId, value, source: 'button', eventKey: `dc:${i.id}` });
    if (movieIdOfUrl(i.message.embeds[0]?.url) !== null) {
      const text = recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — noted.` : 'Already noted.';
      return void (await i.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
    }
    const note = recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — noted; here is another one in its place.` : 'Already noted.';
    await replaceInList(i, d, identity, movie.id, note);
  },
};
