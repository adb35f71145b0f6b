import type { GenreShare, TasteTrends } from '../../core/index.ts';
import { html, type SafeHtml } from './html.ts';

/** Colour class of a genre: fixed by its rank among the top genres, so the bars, the timeline and its legend agree. */
export type GenreColor = (genre: string) => string;

export function genreColors(top: readonly GenreShare[]): GenreColor {
  const rank = new Map(top.map((g, i) => [g.genre, i]));
  return (genre) => `c${(rank.get(genre) ?? 5) % 6}`;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Horizontal bars: the label and value are HTML text (readable at any width), each bar an inline SVG. */
export function genreBars(top: readonly GenreShare[], color: GenreColor): SafeHtml {
  const max = Math.max(...top.map((g) => g.share), 0.0001);
  return html`<ul class="bars">${top.map(
    (g) =>
      html`<li><span class="label">${g.genre}</span><svg class="bar" viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label="${g.genre}: ${pct(g.share)} of likes"><rect class="track" width="100" height="14" rx="3"/><rect class="${color(g.genre)}" width="${((g.share / max) * 100).toFixed(2)}" height="14" rx="3"/></svg><span class="value">${pct(g.share)}</span></li>`,
  )}</ul>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m}${withYear ? ` ’${y!.slice(2)}` : ''}`;
}

/** The mix of the top genres month by month, as stacked columns (last 12 months with likes). */
export function genreTimeline(byMonth: TasteTrends['genresByMonth'], top: readonly GenreShare[], color: GenreColor): SafeHtml {
  const months = byMonth.slice(-12);
  if (months.length === 0) return html`<p class="empty">No likes yet.</p>`;
  const W = 640;
  const H = 220;
  const base = H - 34;
  const slot = W / Math.max(months.length, 3);
  const col = Math.min(56, slot * 0.62);
  const summary = months
    .map((m) => `${monthLabel(m.month, true)}: ${m.shares.map((s) => `${s.genre} ${pct(s.share)}`).join(', ') || 'none of the top genres'}`)
    .join('; ');
  const columns = months.map((m, i) => {
    const total = m.shares.reduce((sum, s) => sum + s.share, 0) || 1;
    const x = i * slot + (slot - col) / 2;
    let y = base;
    const segments = m.shares.map((s) => {
      const h = (s.share / total) * (base - 12);
      y -= h;
      return html`<rect class="${color(s.genre)}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${col.toFixed(1)}" height="${Math.max(h - 1.5, 0).toFixed(1)}" rx="2"/>`;
    });
    const withYear = i === 0 || months[i - 1]!.month.slice(0, 4) !== m.month.slice(0, 4);
    return html`${segments}<text x="${(x + col / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle">${monthLabel(m.month, withYear)}</text>`;
  });
  return html`<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="Genre mix by month. ${summary}" xmlns="http://www.w3.org/2000/svg">
<line class="grid-line" x1="0" x2="${W}" y1="${base + 0.5}" y2="${base + 0.5}"/>
${columns}
</svg>
<ul class="legend">${top.map((g) => html`<li><i class="${color(g.genre)}" aria-hidden="true"></i>${g.genre}</li>`)}</ul>`;
}

/** How a divisive movie splits the members: 👍 share on the left, 👎 on the right. */
export function splitBar(likes: number, dislikes: number): SafeHtml {
  const left = (likes / Math.max(likes + dislikes, 1)) * 100;
  return html`<svg class="split" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="like" width="${left.toFixed(2)}" height="8" rx="2"/><rect class="dislike" x="${(left + 0.8).toFixed(2)}" width="${Math.max(100 - left - 0.8, 0).toFixed(2)}" height="8" rx="2"/></svg>`;
}
