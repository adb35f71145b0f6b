import type { APIEmbedField } from 'discord.js';
import { recommend, type RecommendedMovie } from '../../../core/index.ts';
import { identityOf } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { field, listMessage, MAX_PAGES, PAGE } from '../recommendation-list.ts';

const MORE = /^more:(\d{1,2})$/;

/** "More" under a list: the next five, computed afresh (ratings given meanwhile count). */
export const moreButton: ButtonHandler<{ page: number }> = {
  prefix: 'more:',
  id: ({ page }) => `more:${page}`,
  parse(customId) {
    const match = MORE.exec(customId);
    return match ? { page: Number(match[1]) } : null;
  },
  async run(i, d, { page: asked }) {
    const page = Math.min(asked, MAX_PAGES - 1);
    const picks = await recommend(d.deps, identityOf(i), { k: (page + 1) * PAGE });
    await i.update(pageOf(picks.slice(page * PAGE), page));
  },
};

/** The "more" button's id under page `page` of a list with `shown` movies, or null when it is the last page. */
export const moreAfter = (page: number | null, shown: number) =>
  page !== null && page + 1 < MAX_PAGES && shown === PAGE ? moreButton.id({ page: page + 1 }) : null;

/** Page `page` of a person's list. */
export const pageOf = (picks: RecommendedMovie[], page: number, note?: string) =>
  listMessage(
    picks.map(field),
    picks.map((p) => p.movie.id),
    {
      more: moreAfter(page, picks.length),
      note: note ?? (picks.length ? undefined : 'Nothing more to suggest right now.'),
    },
  );

/** A list's fields and movie ids, re-rendered after one slot changed (the page stays). */
export const listPage = (fields: APIEmbedField[], ids: number[], note: string, page: number | null) =>
  listMessage(fields, ids, { note, more: moreAfter(page, ids.length) });
