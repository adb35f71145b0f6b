import { MessageFlags, type APIEmbedField, type ButtonInteraction } from 'discord.js';
import { movieLabel, recommend, recordFeedback } from '../../../core/index.ts';
import { movieIdOfUrl } from '../../shared/movie-link.ts';
import { parseRatingId, ratingId } from '../../shared/rating-id.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { field, PAGE } from '../recommendation-list.ts';
import { listPage, moreButton, pageOf } from './more.button.ts';

/** The custom ids of the clicked message's buttons, in order. */
function buttonIds(i: ButtonInteraction): string[] {
  return i.message.components.flatMap((row) => {
    const json = row.toJSON() as { components?: { custom_id?: string }[] };
    return (json.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
  });
}

/** Movie ids the message's 👍 buttons stand for, in list order. */
function shownIds(buttons: string[]): number[] {
  return [
    ...new Set(
      buttons.flatMap((id) => {
        const rating = parseRatingId(id);
        return rating?.value === 1 ? [rating.movieId] : [];
      }),
    ),
  ];
}

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
    const buttons = buttonIds(i);
    const shown = shownIds(buttons);
    const slot = shown.indexOf(movie.id);
    const fields = i.message.embeds[0]?.fields ?? [];
    if (slot < 0 || fields.length !== shown.length) {
      await i.update(pageOf(await recommend(d.deps, identity, { k: PAGE }), 0, note));
      return;
    }
    const [fresh] = await recommend(d.deps, identity, { k: 1, seen: shown });
    const ids = [...shown];
    const next: APIEmbedField[] = fields.map((f) => ({ name: f.name, value: f.value }));
    if (fresh) {
      ids[slot] = fresh.movie.id;
      next[slot] = field(fresh);
    } else {
      ids.splice(slot, 1);
      next.splice(slot, 1);
    }
    const more = buttons.map((id) => moreButton.parse(id)).find((m) => m !== null);
    await i.update(listPage(next, ids, note, more ? more.page - 1 : null));
  },
};
