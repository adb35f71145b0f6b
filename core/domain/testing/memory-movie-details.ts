import type { Movie } from '../model.ts';
import { TMDB_MOVIE_ID_BASE } from '../movie-details/catalog-ids.ts';
import type { CatalogEntry } from '../movie-details/catalog-entry.ts';
import type { AdditionSource, CatalogAdditionStore } from '../ports/catalog-additions.store.ts';
import type { MovieDetails } from '../ports/movie-details.source.ts';
import type { DueQuery, LinkedFilm, MovieDetailsStore, StoredMovieDetails, StoredProviders } from '../ports/movie-details.store.ts';

const NO_DATA = { overview: null, runtime: null, releaseDate: null, posterPath: null, trailerKey: null };

/** In-memory MovieDetailsStore for use-case tests; the repository passes the same contract on both databases. */
export class MemoryMovieDetails implements MovieDetailsStore {
  readonly details = new Map<number, StoredMovieDetails>();
  /** `${movieId}:${region}` → providers. */
  readonly providers = new Map<string, StoredProviders>();

  /** @param links the films that have a TMDB id (movieId → tmdbId), as the catalog's links say. */
  constructor(private readonly links: () => ReadonlyMap<number, number> = () => new Map()) {}

  async cards(movieIds: readonly number[], region: string) {
    const out = new Map<number, { details: StoredMovieDetails; providers: StoredProviders | null }>();
    for (const id of movieIds) {
      const details = this.details.get(id);
      if (details) out.set(id, { details: { ...details }, providers: this.copyProviders(this.providers.get(`${id}:${region}`)) });
    }
    return out;
  }

  async markShown(films: readonly LinkedFilm[], at: Date) {
    for (const f of films) {
      const row = this.row(f);
      if (row.shownAt === null || row.shownAt < at) row.shownAt = at;
    }
  }

  async saveFetched(movieId: number, d: MovieDetails, regions: readonly string[], at: Date) {
    const row = this.row({ movieId, tmdbId: d.tmdbId });
    Object.assign(row, {
      tmdbId: d.tmdbId,
      found: true,
      overview: d.overview?.slice(0, 2_000) ?? null,
      runtime: d.runtime !== null && d.runtime > 0 && d.runtime < 32_000 ? d.runtime : null,
      releaseDate: d.releaseDate,
      posterPath: d.posterPath,
      trailerKey: d.trailerKey,
      fetchedAt: at,
      checkedAt: at,
    });
    for (const region of regions) {
      const p = d.providers[region];
      this.providers.set(`${movieId}:${region}`, {
        region,
        link: p?.link ?? null,
        flatrate: [...(p?.flatrate ?? [])],
        free: [...(p?.free ?? [])],
        ads: [...(p?.ads ?? [])],
        rent: [...(p?.rent ?? [])],
        buy: [...(p?.buy ?? [])],
        fetchedAt: at,
      });
    }
  }

  async markNotFound(film: LinkedFilm, at: Date) {
    Object.assign(this.row(film), { tmdbId: film.tmdbId, found: false, ...NO_DATA, fetchedAt: null, checkedAt: at });
    for (const key of this.providers.keys()) if (key.startsWith(`${film.movieId}:`)) this.providers.delete(key);
  }

  async markChecked(film: LinkedFilm, at: Date) {
    this.row(film).checkedAt = at;
  }

  async regionsOf(movieId: number) {
    return [...this.providers.entries()]
      .filter(([key]) => key.startsWith(`${movieId}:`))
      .map(([, p]) => p.region)
      .sort();
  }

  async due(q: DueQuery): Promise<LinkedFilm[]> {
    const isDue = (d: StoredMovieDetails | undefined, tmdbId: number): boolean => {
      if (!d || d.tmdbId !== tmdbId) return true;
      if (!d.found) return d.checkedAt !== null && d.checkedAt < q.fetchedBefore;
      if (d.checkedAt !== null && d.checkedAt >= q.checkedBefore) return false;
      const shown = d.shownAt !== null && d.shownAt >= q.shownSince;
      return d.fetchedAt === null || d.fetchedAt < q.fetchedBefore || (shown && d.fetchedAt < q.shownFetchedBefore);
    };
    // The repository's order: shown first (latest first), then never fetched, then the oldest fetch.
    const key = (d: StoredMovieDetails | undefined): [number, number, number] => {
      const shown = d?.shownAt != null && d.shownAt >= q.shownSince;
      const fetched = d?.fetchedAt?.getTime() ?? null;
      return [shown ? 0 : fetched === null ? 1 : 2, -(d?.shownAt?.getTime() ?? -Infinity), fetched ?? -Infinity];
    };
    const due = [...this.links()].flatMap(([movieId, tmdbId]) => {
      const d = this.details.get(movieId);
      return isDue(d, tmdbId) ? [{ movieId, tmdbId, k: key(d) }] : [];
    });
    due.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.movieId - b.movieId);
    return due.slice(0, q.limit).map(({ movieId, tmdbId }) => ({ movieId, tmdbId }));
  }

  async purgeFetchedBefore(before: Date) {
    let providers = 0;
    let details = 0;
    for (const [key, p] of this.providers) {
      if (p.fetchedAt < before) {
        this.providers.delete(key);
        providers++;
      }
    }
    for (const d of this.details.values()) {
      if (d.fetchedAt !== null && d.fetchedAt < before) {
        Object.assign(d, NO_DATA, { fetchedAt: null });
        details++;
      }
    }
    return { details, providers };
  }

  private row(film: LinkedFilm): StoredMovieDetails {
    let row = this.details.get(film.movieId);
    if (!row)
      this.details.set(
        film.movieId,
        (row = { movieId: film.movieId, tmdbId: film.tmdbId, found: true, ...NO_DATA, fetchedAt: null, checkedAt: null, shownAt: null }),
      );
    return row;
  }

  private copyProviders(p: StoredProviders | undefined): StoredProviders | null {
    return p ? { ...p, flatrate: [...p.flatrate], free: [...p.free], ads: [...p.ads], rent: [...p.rent], buy: [...p.buy] } : null;
  }
}

/** In-memory CatalogAdditionStore over a base catalog (the MovieLens films). */
export class MemoryCatalogAdditions implements CatalogAdditionStore {
  readonly added = new Map<number, Movie>();
  private next = TMDB_MOVIE_ID_BASE;
  private changes = 0;

  constructor(private readonly base: readonly Movie[] = []) {}

  /** Every film with a TMDB id, base and added: movieId → tmdbId. */
  links(): Map<number, number> {
    return new Map([...this.base, ...this.added.values()].flatMap((m) => (m.tmdbId === null ? [] : [[m.id, m.tmdbId] as const])));
  }

  async add(entries: readonly CatalogEntry[], _source: AdditionSource, _at: Date) {
    const all = [...this.base, ...this.added.values()];
    const tmdb = new Set(all.map((m) => m.tmdbId));
    const imdb = new Set(all.map((m) => m.imdbId).filter((id) => id !== null));
    const out: Movie[] = [];
    for (const e of entries) {
      if (tmdb.has(e.tmdbId) || (e.imdbId !== null && imdb.has(e.imdbId))) continue;
      const movie: Movie = { id: this.next++, title: e.title, year: e.year, genres: [...e.genres], imdbId: e.imdbId, tmdbId: e.tmdbId };
      this.added.set(movie.id, movie);
      tmdb.add(e.tmdbId);
      out.push(movie);
    }
    if (out.length > 0) this.changes++;
    return out.map((m) => ({ ...m, genres: [...m.genres] }));
  }

  async refresh(movieId: number, e: CatalogEntry, _at: Date) {
    const was = this.added.get(movieId);
    if (!was) return false;
    const next: Movie = { ...was, title: e.title, year: e.year, genres: [...e.genres], imdbId: e.imdbId ?? was.imdbId };
    if (was.title === next.title && was.year === next.year && was.imdbId === next.imdbId && was.genres.join('|') === next.genres.join('|')) return false;
    this.added.set(movieId, next);
    this.changes++;
    return true;
  }

  async all() {
    return [...this.added.values()].map((m) => ({ ...m, genres: [...m.genres] }));
  }

  async version() {
    return `${this.added.size}@${this.changes}`;
  }
}
