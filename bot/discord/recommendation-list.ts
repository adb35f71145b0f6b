import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbedField } from 'discord.js';
import { movieLabel, type RecommendedMovie } from '../../core/index.ts';
import { markId } from '../shared/mark-id.ts';
import { ratingId } from '../shared/rating-id.ts';
import { NO_MENTIONS } from './discord-context.ts';

/** Movies a list page shows. */
export const PAGE = 5;
/** "More" goes no deeper than this many pages (50 movies). */
export const MAX_PAGES = 10;

export function field(p: RecommendedMovie): APIEmbedField {
  const genres = p.movie.genres.filter((g) => g !== '(no genres listed)').join(', ') || '—';
  const why = p.because ? `\nbecause you liked ${movieLabel(p.because)}` : '';
  return { name: movieLabel(p.movie, 256), value: `${genres}${why}`.slice(0, 1024) };
}

/**
 * The list message: a field per movie, a row each of 👍, 👎, 👁 (seen it)
 * and 🕐 (later) (button n is for movie n), and the "more" button when
 * `more` (its custom id) is given.
 */
export function listMessage(fields: APIEmbedField[], ids: number[], opts: { note?: string; title?: string; more?: string | null }) {
  const embed = new EmbedBuilder()
    .setTitle(opts.title ?? 'Movies for you')
    .setFields(fields.map((f, n) => ({ ...f, name: `${n + 1}. ${f.name.replace(/^\d+\. /, '')}`.slice(0, 256) })));
  const row = (id: (movieId: number) => string, emoji: string) =>
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      ids.map((movieId, n) =>
        new ButtonBuilder()
          .setCustomId(id(movieId))
          .setLabel(`${emoji} ${n + 1}`)
          .setStyle(ButtonStyle.Secondary),
      ),
    );
  // Four rows of five plus "More": Discord's limit is five rows of five buttons.
  const rows = ids.length
    ? [row((m) => ratingId(1, m), '👍'), row((m) => ratingId(-1, m), '👎'), row((m) => markId('seen', m), '👁'), row((m) => markId('later', m), '🕐')]
    : [];
  if (opts.more)
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(opts.more).setLabel('More').setStyle(ButtonStyle.Primary)));
  return { content: opts.note ?? '', embeds: [embed], components: rows, allowedMentions: NO_MENTIONS };
}
