import type { APIEmbedField, ButtonInteraction } from 'discord.js';
import { recommend, type PlatformIdentity } from '../../core/index.ts';
import { parseRatingId } from '../shared/rating-id.ts';
import { listPage, moreButton, pageOf } from './buttons/more.button.ts';
import type { DiscordDeps } from './discord-context.ts';
import { field, PAGE } from './recommendation-list.ts';

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
 * Updates a clicked list in place after `movieId` was rated or marked: that
 * slot alone gets a fresh movie (or goes, when nothing is left), the others
 * and the page stay, and `note` says what happened. A list that no longer
 * matches its buttons is redrawn from the first page.
 */
export async function replaceInList(i: ButtonInteraction, d: DiscordDeps, identity: PlatformIdentity, movieId: number, note: string): Promise<void> {
  const buttons = buttonIds(i);
  const shown = shownIds(buttons);
  const slot = shown.indexOf(movieId);
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
}
