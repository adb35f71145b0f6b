import { movieLabel, type Movie, type RecommendedMovie, type SharedList } from '../../core/index.ts';
import { html, safeUrl, type SafeHtml } from './html.ts';
import { layout, type LayoutAssets } from './layout.ts';
import { poster } from './poster.ts';

export type PosterOf = (movie: Movie) => string | null;

export interface PageLinks {
  pageUrl: string;
  imageUrl: string;
  inviteUrl: string | null;
  assets: LayoutAssets;
}

export function movieMeta(movie: Movie): string {
  const genres = movie.genres
    .filter((g) => g !== '(no genres listed)')
    .slice(0, 3)
    .join(', ');
  return [movie.year, genres].filter(Boolean).join(' · ');
}

function movieItem(movie: Movie, posterOf: PosterOf, idPrefix: string, extra: SafeHtml | string = ''): SafeHtml {
  return html`<li class="movie"><figure>${poster(movie, posterOf(movie), idPrefix)}<figcaption><span class="title">${movieLabel({ title: movie.title, year: null })}</span><span class="meta">${movieMeta(movie)}</span>${extra}</figcaption></figure></li>`;
}

export function getYourOwn(inviteUrl: string | null): SafeHtml {
  const href = safeUrl(inviteUrl) ?? '/';
  return html`<a class="cta" href="${href}">Get your own Moviebot <span aria-hidden="true">→</span></a>`;
}

function titles(movies: readonly Movie[], n: number): string {
  const names = movies.slice(0, n).map((m) => movieLabel(m));
  return names.join(', ') + (movies.length > n ? '…' : '');
}

export function listDescription(list: SharedList): string {
  if (list.favorites.length === 0) return 'A Moviebot list, just getting started. Get your own movie recommendations on Discord or Telegram.';
  return `Favourites: ${titles(list.favorites, 3)}. Recommended next: ${
    titles(
      list.recommendations.map((r) => r.movie),
      2,
    ) || 'coming soon'
  }.`;
}

export function listPage(list: SharedList, posterOf: PosterOf, links: PageLinks): string {
  const picks = (r: RecommendedMovie) =>
    movieItem(r.movie, posterOf, 'r', r.because ? html`<span class="why">Because of <em>${movieLabel(r.because)}</em></span>` : '');
  const body = html`<section class="hero" aria-labelledby="page-title">
  <p class="eyebrow">Shared from Moviebot</p>
  <h1 id="page-title">Favourite movies, and what to watch next</h1>
  <p class="lede">${list.favorites.length} ${list.favorites.length === 1 ? 'favourite' : 'favourites'} and ${list.recommendations.length} ${list.recommendations.length === 1 ? 'pick' : 'picks'} the bot recommends from them, each with the favourite it follows from.</p>
  ${getYourOwn(links.inviteUrl)}
</section>
<section class="block" aria-labelledby="favourites">
  <h2 id="favourites">Favourites</h2>
  ${
    list.favorites.length
      ? html`<ul class="posters">${list.favorites.map((m) => movieItem(m, posterOf, 'f'))}</ul>`
      : html`<p class="empty">No favourites yet.</p>`
  }
</section>
<section class="block" aria-labelledby="recommended">
  <h2 id="recommended">Recommended now</h2>
  ${
    list.recommendations.length
      ? html`<ul class="posters">${list.recommendations.map(picks)}</ul>`
      : html`<p class="empty">Recommendations appear once there are favourites and the model is ready.</p>`
  }
</section>`;
  return layout(
    {
      title: list.favorites.length ? `A movie list: ${titles(list.favorites, 2)}` : 'A movie list on Moviebot',
      description: listDescription(list),
      url: links.pageUrl,
      image: links.imageUrl,
      imageAlt: `Posters of ${titles(list.favorites, 5) || 'a new movie list'}`,
    },
    links.assets,
    body,
  ).value;
}
