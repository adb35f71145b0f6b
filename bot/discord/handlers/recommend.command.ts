import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  SlashCommandBuilder,
  type APIEmbedField,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { movieLabel, recommend, recordFeedback, serverPick, type RecommendedMovie } from '../../../core/index.ts';
import { pickedFor } from '../../shared/picked-for.ts';
import { movieIdOfUrl } from '../../shared/movie-link.ts';
import { parseRatingId, ratingId } from '../../shared/rating-id.ts';
import { identityOf, NO_MENTIONS, type DiscordDeps } from '../discord-context.ts';

export const recommendDefinition = new SlashCommandBuilder()
  .setName('recommend')
  .setDescription('Movies for you, or for the whole server')
  .addStringOption((o) =>
    o.setName('for').setDescription('Who to pick for').addChoices({ name: 'me', value: 'me' }, { name: 'server', value: 'server' }),
  );

const PAGE = 5;
/** "more" goes no deeper than this many pages (50 movies). */
const MAX_PAGES = 10;
const MORE = /^more:(\d{1,2})$/;
export const isMoreId = (id: string) => MORE.test(id);

function field(p: RecommendedMovie): APIEmbedField {
  const genres = p.movie.genres.filter((g) => g !== '(no genres listed)').join(', ') || '—';
  const why = p.because ? `\nbecause you liked ${movieLabel(p.because)}` : '';
  return { name: movieLabel(p.movie, 256), value: `${genres}${why}`.slice(0, 1024) };
}

/**
 * The list message: a field per movie, a row of 👍 and a row of 👎 (button n
 * rates movie n), and "more" for the next page when there is one.
 */
function listMessage(fields: APIEmbedField[], ids: number[], opts: { note?: string; title?: string; page?: number | null }) {
  const embed = new EmbedBuilder()
    .setTitle(opts.title ?? 'Movies for you')
    .setFields(fields.map((f, n) => ({ ...f, name: `${n + 1}. ${f.name.replace(/^\d+\. /, '')}`.slice(0, 256) })));
  const row = (value: 1 | -1) =>
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      ids.map((id, n) => new ButtonBuilder().setCustomId(ratingId(value, id)).setLabel(`${value === 1 ? '👍' : '👎'} ${n + 1}`).setStyle(ButtonStyle.Secondary)),
    );
  const rows = ids.length ? [row(1), row(-1)] : [];
  const page = opts.page ?? null;
  if (page !== null && page + 1 < MAX_PAGES && ids.length === PAGE) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(`more:${page + 1}`).setLabel('More').setStyle(ButtonStyle.Primary)));
  }
  return { content: opts.note ?? '', embeds: [embed], components: rows, allowedMentions: NO_MENTIONS };
}

const pageOf = (picks: RecommendedMovie[], page: number, note?: string) =>
  listMessage(picks.map(field), picks.map((p) => p.movie.id), { page, note: note ?? (picks.length ? undefined : 'Nothing more to suggest right now.') });

export async function recommendCommand(i: ChatInputCommandInteraction, d: DiscordDeps): Promise<void> {
  if (i.options.getString('for') === 'server') {
    if (!i.guildId) return void (await i.reply({ content: 'The server pick works in a server, not in direct messages.', flags: MessageFlags.Ephemeral }));
    const { picks, members } = await serverPick(d.deps, { platform: 'discord', id: i.guildId }, PAGE);
    // Public: the server pick is for everyone in the channel; mentions show names but ping nobody.
    const message = listMessage(picks.map(field), [], { title: '🍿 Server pick', note: `🍿 Server pick — ${pickedFor(members, (m) => `<@${m.platformUserId}>`)}.` });
    await i.reply({ ...message, components: [] });
    return;
  }
  await i.reply({ ...pageOf(await recommend(d.deps, identityOf(i), { k: PAGE }), 0), flags: MessageFlags.Ephemeral });
}

/** "More": the next five, computed afresh (ratings given meanwhile count). */
export async function moreButton(i: ButtonInteraction, d: DiscordDeps): Promise<void> {
  const page = Math.min(Number(MORE.exec(i.customId)![1]), MAX_PAGES - 1);
  const picks = await recommend(d.deps, identityOf(i), { k: (page + 1) * PAGE });
  await i.update(pageOf(picks.slice(page * PAGE), page));
}

/** The custom ids of the clicked message's buttons, in order. */
function buttonIds(i: ButtonInteraction): string[] {
  return i.message.components.flatMap((row) => {
    const json = row.toJSON() as { components?: { custom_id?: string }[] };
    return (json.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
  });
}

/** Movie ids the message's 👍 buttons stand for, in list order. */
function shownIds(buttons: string[]): number[] {
  return [...new Set(buttons.flatMap((id) => {
    const rating = parseRatingId(id);
    return rating?.value === 1 ? [rating.movieId] : [];
  }))];
}

/**
 * A 👍/👎 click: stored first (the interaction id makes a redelivery count
 * once), then acknowledged by updating the list in place: the rated movie
 * is marked in the note and a fresh one takes its place; the others stay.
 */
export async function rateButton(i: ButtonInteraction, d: DiscordDeps, value: 1 | -1, movieId: number): Promise<void> {
  const identity = identityOf(i);
  const { movie, recorded } = await recordFeedback(d.deps, { identity, movieId, value, source: 'button', eventKey: `dc:${i.id}` });
  if (movieIdOfUrl(i.message.embeds[0]?.url) !== null) {
    // A movie card is the channel's: the click is answered privately and the card stays.
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
  const more = buttons.map((id) => MORE.exec(id)).find((m) => m !== null);
  const page = more ? Number(more[1]) - 1 : null;
  await i.update(listMessage(next, ids, { note, page }));
}
