import { MessageFlags } from 'discord.js';
import { movieLabel, rateMovieNight } from '../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { parseRatingNightId, ratingNightId } from '../night-ids.ts';

/**
 * 👍/👎 under "How was <film>?" ("mh:u:<night>", "mh:d:<night>"): from
 * someone who was in, it is their feedback on the film (source movienight),
 * so their next lists and the nightly retrain learn from it. Answered privately.
 */
export const nightRatingButtons: ButtonHandler<{ value: 1 | -1; nightId: number }> = {
  prefix: 'mh:',
  id: ratingNightId,
  parse: parseRatingNightId,
  async run(i, d, { value, nightId }) {
    const { movie, recorded, attended } = await rateMovieNight(d.deps, { nightId, identity: identityOf(i), value, eventKey: `dc:${i.id}` });
    const content = !attended
      ? 'Only the people who were in can rate the night.'
      : recorded
        ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie)} — thanks, noted.`
        : 'Already noted.';
    await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
