import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { MovieDetails } from '../../../domain/ports/movie-details.source.ts';
import type { DueQuery, LinkedFilm, MovieDetailsStore, StoredMovieDetails, StoredProviders } from '../../../domain/ports/movie-details.store.ts';
import type { Db } from '../database.types.ts';
import { movies } from '../schema.ts';
import { movieDetails, movieProviders } from '../schema-tmdb.ts';

const NO_DATA = { overview: null, runtime: null, releaseDate: null, posterPath: null, trailerKey: null } as const;
/** Longer overviews are cut: a card shows one sentence, and a record this long is not a film's overview. */
const MAX_OVERVIEW = 2_000;

/** TMDB's data per film and region in Postgres or PGlite (schema-tmdb.ts). */
export class MovieDetailsRepository implements MovieDetailsStore {
  constructor(private readonly db: Db) {}

  async cards(movieIds: readonly number[], region: string) {
    const out = new Map<number, { details: StoredMovieDetails; providers: StoredProviders | null }>();
    if (movieIds.length === 0) return out;
    const ids = [...new Set(movieIds)];
    const [details, providers] = await Promise.all([
      this.db.select().from(movieDetails).where(inArray(movieDetails.movieId, ids)),
      this.db
        .select()
        .from(movieProviders)
        .where(and(inArray(movieProviders.movieId, ids), eq(movieProviders.region, region))),
    ]);
    const byMovie = new Map(providers.map(({ movieId, ...p }) => [movieId, p]));
    for (const d of details) out.set(d.movieId, { details: d, providers: byMovie.get(d.movieId) ?? null });
    return out;
  }

  async markShown(films: readonly LinkedFilm[], at: Date): Promise<void> {
    if (films.length === 0) return;
    await this.db
      .insert(movieDetails)
      .values(films.map((f) => ({ movieId: f.movieId, tmdbId: f.tmdbId, shownAt: at })))
      .onConflictDoUpdate({ target: movieDetails.movieId, set: { shownAt: sql`greatest(${movieDetails.shownAt}, excluded.shown_at)` } });
  }

  async saveFetched(movieId: number, details: MovieDetails, regions: readonly string[], at: Date): Promise<void> {
    const row = {
      tmdbId: details.tmdbId,
      found: true,
      overview: details.overview?.slice(0, MAX_OVERVIEW) ?? null,
      // smallint: a runtime past it is not a film's.
      runtime: details.runtime !== null && details.runtime > 0 && details.runtime < 32_000 ? details.runtime : null,
      releaseDate: details.releaseDate,
      posterPath: details.posterPath,
      trailerKey: details.trailerKey,
      fetchedAt: at,
      checkedAt: at,
    };
    const offers = [...new Set(regions)].map((region) => {
      const p = details.providers[region];
      return {
        movieId,
        region,
        flatrate: p?.flatrate ?? [],
        free: p?.free ?? [],
        ads: p?.ads ?? [],
        rent: p?.rent ?? [],
        buy: p?.buy ?? [],
        link: p?.link ?? null,
        fetchedAt: at,
      };
    });
    await this.db.transaction(async (tx) => {
      await tx
        .insert(movieDetails)
        .values({ movieId, ...row })
        .onConflictDoUpdate({ target: movieDetails.movieId, set: row });
      if (offers.length === 0) return;
      await tx
        .insert(movieProviders)
        .values(offers)
        .onConflictDoUpdate({
          target: [movieProviders.movieId, movieProviders.region],
          set: {
            flatrate: sql`excluded.flatrate`,
            free: sql`excluded.free`,
            ads: sql`excluded.ads`,
            rent: sql`excluded.rent`,
            buy: sql`excluded.buy`,
            link: sql`excluded.link`,
            fetchedAt: sql`excluded.fetched_at`,
          },
        });
    });
  }

  async markNotFound(film: LinkedFilm, at: Date): Promise<void> {
    const row = { tmdbId: film.tmdbId, found: false, ...NO_DATA, fetchedAt: null, checkedAt: at };
    await this.db.transaction(async (tx) => {
      await tx
        .insert(movieDetails)
        .values({ movieId: film.movieId, ...row })
        .onConflictDoUpdate({ target: movieDetails.movieId, set: row });
      await tx.delete(movieProviders).where(eq(movieProviders.movieId, film.movieId));
    });
  }

  async markChecked(film: LinkedFilm, at: Date): Promise<void> {
    await this.db
      .insert(movieDetails)
      .values({ movieId: film.movieId, tmdbId: film.tmdbId, checkedAt: at })
      .onConflictDoUpdate({ target: movieDetails.movieId, set: { checkedAt: at } });
  }

  async regionsOf(movieId: number): Promise<string[]> {
    const rows = await this.db
      .select({ region: movieProviders.region })
      .from(movieProviders)
      .where(eq(movieProviders.movieId, movieId))
      .orderBy(movieProviders.region);
    return rows.map((r) => r.region);
  }

  async due(q: DueQuery): Promise<LinkedFilm[]> {
    const d = movieDetails;
    const notAskedLately = or(isNull(d.checkedAt), lt(d.checkedAt, q.checkedBefore));
    const shown = and(isNotNull(d.shownAt), gte(d.shownAt, q.shownSince));
    const rows = await this.db
      .select({ movieId: movies.id, tmdbId: sql<number>`${movies.tmdbId}` })
      .from(movies)
      .leftJoin(d, eq(d.movieId, movies.id))
      .where(
        and(
          isNotNull(movies.tmdbId),
          or(
            isNull(d.movieId),
            // MovieLens's link changed since (a new import): what is stored describes another film.
            ne(d.tmdbId, movies.tmdbId),
            and(d.found, notAskedLately, or(isNull(d.fetchedAt), lt(d.fetchedAt, q.fetchedBefore), and(shown, lt(d.fetchedAt, q.shownFetchedBefore)))),
            and(sql`not ${d.found}`, lt(d.checkedAt, q.fetchedBefore)),
          ),
        ),
      )
      .orderBy(
        sql`case when ${shown} then 0 when ${d.fetchedAt} is null then 1 else 2 end`,
        sql`${d.shownAt} desc nulls last`,
        sql`${d.fetchedAt} asc nulls first`,
        asc(movies.id),
      )
      .limit(q.limit);
    return rows;
  }

  async purgeFetchedBefore(before: Date): Promise<{ details: number; providers: number }> {
    return this.db.transaction(async (tx) => {
      const providers = await tx.delete(movieProviders).where(lt(movieProviders.fetchedAt, before)).returning({ movieId: movieProviders.movieId });
      const details = await tx
        .update(movieDetails)
        .set({ ...NO_DATA, fetchedAt: null })
        .where(lt(movieDetails.fetchedAt, before))
        .returning({ movieId: movieDetails.movieId });
      return { details: details.length, providers: providers.length };
    });
  }
}
