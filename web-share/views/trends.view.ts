import {
  formatWhen,
  MIN_CONTRIBUTORS,
  movieLabel,
  type Movie,
  type MovieTally,
  type NightSummary,
  type RecommendedMovie,
  type ServerTrends,
} from '../../core/index.ts';
import { genreBars, genreColors, genreTimeline, splitBar } from './charts.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { getYourOwn, movieMeta, type PageLinks, type PosterOf } from './list.view.ts';
import { poster } from './poster.ts';

export interface TrendsPageData {
  trends: ServerTrends;
  /** The server pick right now (empty below the contributor threshold or without a model). */
  pick: RecommendedMovie[];
  /** The server's past movie nights, newest first. */
  nights: { summary: NightSummary; movie: Movie }[];
}

export function serverName(data: TrendsPageData): string {
  return data.trends.community.name?.trim() || (data.trends.community.platform === 'telegram' ? 'this group' : 'this server');
}

function ranked(
  items: readonly MovieTally[],
  posterOf: PosterOf,
  prefix: string,
  line: (t: MovieTally) => SafeHtml,
  extra?: (t: MovieTally) => SafeHtml,
): SafeHtml {
  if (items.length === 0) return html`<p class="empty">Nothing here yet.</p>`;
  return html`<ol class="ranked">${items.map(
    (t) =>
      html`<li>${poster(t.movie, posterOf(t.movie), prefix)}<div><div class="title">${movieLabel(t.movie)}</div><div class="tally">${line(t)}</div>${extra?.(t) ?? ''}</div></li>`,
  )}</ol>`;
}

/** Past movie nights: what was watched, when, how many came and how it went down. Totals only, no names. */
function movieNights(data: TrendsPageData, posterOf: PosterOf): SafeHtml {
  if (data.nights.length === 0) return html``;
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  return html`<section class="block" aria-labelledby="movie-nights">
  <h2 id="movie-nights">Movie nights</h2>
  <p class="sub">What the server watched together, picked by the bot for the people who came and chosen by their votes</p>
  <ol class="ranked">${data.nights.map(
    ({ summary, movie }) =>
      html`<li>${poster(movie, posterOf(movie), 'n')}<div><div class="title">${movieLabel(movie)}</div><div class="tally">${formatWhen(summary.startsAt, summary.timeZone)} · ${people(summary.attendees)} came · <span class="up">${summary.liked} 👍</span> · <span class="down">${summary.disliked} 👎</span></div></div></li>`,
  )}</ol>
</section>`;
}

const members = (n: number) => `${n} ${n === 1 ? 'member' : 'members'}`;

export function trendsDescription(data: TrendsPageData): string {
  const { trends } = data.trends;
  if (!trends.enough) return `What ${serverName(data)} likes to watch, on Moviebot. Trends appear once ${MIN_CONTRIBUTORS} members have shared their taste.`;
  const genres = trends.topGenres
    .slice(0, 3)
    .map((g) => g.genre)
    .join(', ');
  const liked = trends.mostLiked[0] ? ` Most liked: ${movieLabel(trends.mostLiked[0].movie)}.` : '';
  return `${members(trends.contributors)} shared their taste. Top genres: ${genres}.${liked}`;
}

export function trendsPage(data: TrendsPageData, posterOf: PosterOf, links: PageLinks): string {
  const { trends } = data.trends;
  const name = serverName(data);
  const color = genreColors(trends.topGenres);
  const hero = html`<section class="hero" aria-labelledby="page-title">
  <p class="eyebrow">Taste trends</p>
  <h1 id="page-title">What ${name} likes to watch</h1>
  <p class="lede">Built from the favourites and 👍/👎 of the members who use Moviebot here. Only totals are shown, never one person’s list.</p>
  <ul class="stats"><li><strong>${trends.contributors}</strong> ${trends.contributors === 1 ? 'member' : 'members'} contributed</li>${trends.enough ? html`<li><strong>${trends.topGenres[0]?.genre ?? '—'}</strong> is the top genre</li>` : ''}</ul>
  ${getYourOwn(links.inviteUrl)}
</section>`;
  const body = trends.enough
    ? html`${hero}
<div class="grid">
  <section class="card" aria-labelledby="top-genres"><h2 id="top-genres">Top genres</h2><p class="sub">Share of all likes</p>${genreBars(trends.topGenres, color)}</section>
  <section class="card" aria-labelledby="over-time"><h2 id="over-time">Genres over time</h2><p class="sub">Mix of the top genres among each month’s likes</p>${genreTimeline(trends.genresByMonth, trends.topGenres, color)}</section>
</div>
<div class="grid lists">
  <section class="card" aria-labelledby="most-liked"><h2 id="most-liked">Most liked</h2>${ranked(trends.mostLiked, posterOf, 'l', (t) => html`<span class="up">${t.likes} 👍</span> liked by ${members(t.likes)}`)}</section>
  <section class="card" aria-labelledby="most-divisive"><h2 id="most-divisive">Most divisive</h2>${ranked(
    trends.mostDivisive,
    posterOf,
    'd',
    (t) => html`<span class="up">${t.likes} 👍</span> · <span class="down">${t.dislikes} 👎</span>`,
    (t) => splitBar(t.likes, t.dislikes),
  )}</section>
  <section class="card" aria-labelledby="hidden-gems"><h2 id="hidden-gems">Hidden gems</h2><p class="sub">Liked here, little known elsewhere</p>${ranked(trends.hiddenGems, posterOf, 'g', (t) => html`liked by ${members(t.likes)} · ${movieMeta(t.movie)}`)}</section>
</div>
<section class="block" aria-labelledby="group-pick">
  <h2 id="group-pick">Tonight’s group pick</h2>
  <p class="sub">What the bot would put on for everyone here, fairly weighing each member’s taste</p>
  ${
    data.pick.length
      ? html`<ul class="posters">${data.pick.map(
          (r) =>
            html`<li class="movie"><figure>${poster(r.movie, posterOf(r.movie), 'p')}<figcaption><span class="title">${movieLabel({ title: r.movie.title, year: null })}</span><span class="meta">${movieMeta(r.movie)}</span>${r.because ? html`<span class="why">For fans of <em>${movieLabel(r.because)}</em></span>` : ''}</figcaption></figure></li>`,
        )}</ul>`
      : html`<p class="empty">The group pick appears once the model is ready.</p>`
  }
</section>`
    : html`${hero}
<div class="notice" role="status"><p><strong>Not enough taste to show yet.</strong> Trends appear once at least ${MIN_CONTRIBUTORS} members have added a favourite or voted 👍/👎, so no single person’s taste is ever on display. ${members(trends.contributors)} so far.</p></div>`;
  const nights = movieNights(data, posterOf);
  return layout(
    {
      title: `Taste trends of ${name}`,
      description: trendsDescription(data),
      url: links.pageUrl,
      image: links.imageUrl,
      imageAlt: trends.enough
        ? `Top genres of ${name}: ${trends.topGenres.map((g) => `${g.genre} ${Math.round(g.share * 100)}%`).join(', ')}`
        : `Taste trends of ${name}`,
    },
    links.assets,
    html`${body}${nights}`,
  ).value;
}
