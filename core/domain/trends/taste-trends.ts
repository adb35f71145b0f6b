import type { MovieCatalog } from '../catalog.ts';
import type { Movie } from '../model.ts';
import type { TasteSignal } from '../ports/community.store.ts';

/** Aggregates appear only once this many members contributed, so no single person's taste is exposed. */
export const MIN_CONTRIBUTORS = 3;

export interface MovieTally {
  movie: Movie;
  /** Members who like it (favourite or 👍). */
  likes: number;
  /** Members who gave it 👎. */
  dislikes: number;
}

export interface GenreShare {
  genre: string;
  /** Share of the members' likes that carry this genre, 0–1. */
  share: number;
}

export interface TasteTrends {
  /** Members with at least one favourite or 👍/👎. */
  contributors: number;
  /** False below {@link MIN_CONTRIBUTORS}: every list below is then empty. */
  enough: boolean;
  topGenres: GenreShare[];
  /** Month (YYYY-MM) → the top genres' shares of that month's likes, oldest first. */
  genresByMonth: { month: string; shares: GenreShare[] }[];
  mostLiked: MovieTally[];
  /** Movies members split over: both 👍 and 👎, the closer the split the higher. */
  mostDivisive: MovieTally[];
  /** Liked by at least two members yet little known on MovieLens. */
  hiddenGems: MovieTally[];
}

const LIST = 5;
const GENRES = 6;
const NO_GENRE = '(no genres listed)';

/** A server's taste from its members' signals: pure, so the bot, the web page and a worker agree. */
export function tasteTrends(signals: readonly TasteSignal[], catalog: MovieCatalog): TasteTrends {
  const contributors = new Set(signals.map((s) => s.userId)).size;
  const empty = { contributors, enough: false, topGenres: [], genresByMonth: [], mostLiked: [], mostDivisive: [], hiddenGems: [] };
  if (contributors < MIN_CONTRIBUTORS) return empty;

  const stance = new Map<string, TasteSignal>();
  // A favourite and a 👍 of the same movie are one like; a 👎 wins over an old favourite only if newer.
  for (const s of signals) {
    const key = `${s.userId}:${s.movieId}`;
    const prev = stance.get(key);
    if (!prev || s.at >= prev.at) stance.set(key, s);
  }
  const tallies = new Map<number, MovieTally>();
  const likes: { movie: Movie; at: Date }[] = [];
  for (const s of stance.values()) {
    const movie = catalog.get(s.movieId);
    if (!movie) continue;
    const t = tallies.get(movie.id) ?? { movie, likes: 0, dislikes: 0 };
    if (s.value === 1) {
      t.likes++;
      likes.push({ movie, at: s.at });
    } else t.dislikes++;
    tallies.set(movie.id, t);
  }
  const all = [...tallies.values()];
  const byTitle = (a: MovieTally, b: MovieTally) => a.movie.title.localeCompare(b.movie.title);
  const topGenres = genreShares(likes.map((l) => l.movie)).slice(0, GENRES);
  return {
    contributors,
    enough: true,
    topGenres,
    genresByMonth: byMonth(likes, new Set(topGenres.map((g) => g.genre))),
    mostLiked: all
      .filter((t) => t.likes > 0)
      .sort((a, b) => b.likes - a.likes || a.dislikes - b.dislikes || byTitle(a, b))
      .slice(0, LIST),
    mostDivisive: all
      .filter((t) => t.likes > 0 && t.dislikes > 0)
      .sort((a, b) => divisiveness(b) - divisiveness(a) || byTitle(a, b))
      .slice(0, LIST),
    hiddenGems: all
      .filter((t) => t.likes >= 2 && t.likes > t.dislikes)
      .sort((a, b) => catalog.popularity(a.movie.id) - catalog.popularity(b.movie.id) || b.likes - a.likes || byTitle(a, b))
      .slice(0, LIST),
  };
}

/** Votes on the smaller side, weighted by how even the split is. */
function divisiveness(t: MovieTally): number {
  return Math.min(t.likes, t.dislikes) * (1 + Math.min(t.likes, t.dislikes) / Math.max(t.likes, t.dislikes));
}

function genreShares(movies: readonly Movie[]): GenreShare[] {
  const counts = new Map<string, number>();
  for (const m of movies) for (const g of m.genres) if (g !== NO_GENRE) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts]
    .map(([genre, n]) => ({ genre, share: movies.length ? n / movies.length : 0 }))
    .sort((a, b) => b.share - a.share || a.genre.localeCompare(b.genre));
}

function byMonth(likes: readonly { movie: Movie; at: Date }[], genres: ReadonlySet<string>): TasteTrends['genresByMonth'] {
  const months = new Map<string, Movie[]>();
  for (const l of likes) {
    const month = l.at.toISOString().slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), l.movie]);
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, movies]) => ({ month, shares: genreShares(movies).filter((g) => genres.has(g.genre)) }));
}
