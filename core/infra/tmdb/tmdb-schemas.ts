import { z } from 'zod';
import { POSTER_PATH } from '../../domain/movie-details/poster-url.ts';
import { normalizeRegion } from '../../domain/movie-details/regions.ts';
import type { ImageConfig, ListedMovie, MovieDetails, RegionProviders, WatchProvider } from '../../domain/ports/movie-details.source.ts';
import { pickTrailer } from './trailer.ts';

/**
 * TMDB's documented v3 shapes, as far as Moviebot reads them, and their
 * translation into the port's types. The identity of a record (id, title,
 * dates, the lists' structure) must match or the record is rejected; a
 * display detail that is merely unusable (an image path with odd characters,
 * an IMDb id of another form) becomes null instead.
 */

/** TMDB writes "" for a date it does not know yet. */
const day = z.union([z.literal(''), z.iso.date()]).nullish();
const text = z.string().nullish();

const providerEntry = z.object({
  provider_id: z.number().int(),
  provider_name: z.string().min(1),
  logo_path: text,
  display_priority: z.number().optional(),
});
const providerList = z.array(providerEntry).optional();
const regionOffers = z.object({ link: text, flatrate: providerList, free: providerList, ads: providerList, rent: providerList, buy: providerList });

const video = z.object({ key: z.string(), site: z.string(), type: z.string(), official: z.boolean().nullish(), published_at: text });

export const movieDetailsSchema = z.object({
  id: z.number().int().positive(),
  title: z.string().min(1),
  original_title: text,
  overview: text,
  release_date: day,
  runtime: z.number().int().nonnegative().nullish(),
  poster_path: text,
  genres: z.array(z.object({ id: z.number().int(), name: z.string() })).nullish(),
  imdb_id: text,
  videos: z.object({ results: z.array(video) }).optional(),
  'watch/providers': z.object({ results: z.record(z.string(), regionOffers) }).optional(),
});

export const listedMovieSchema = z.object({
  id: z.number().int().positive(),
  title: z.string().min(1),
  original_title: text,
  overview: text,
  release_date: day,
  poster_path: text,
  popularity: z.number().nullish(),
  genre_ids: z.array(z.number().int()).nullish(),
});

/** A page of a list; its records are checked one by one, so one bad record does not cost the page. */
export const pageSchema = z.object({
  page: z.number().int().positive(),
  total_pages: z.number().int().nonnegative(),
  total_results: z.number().int().nonnegative(),
  results: z.array(z.unknown()),
});

export const configurationSchema = z.object({
  images: z.object({ secure_base_url: z.string().regex(/^https?:\/\/\S+$/), poster_sizes: z.array(z.string()).min(1) }),
});

export const providerCatalogSchema = z.object({
  results: z.array(providerEntry.extend({ display_priorities: z.record(z.string(), z.number()).nullish() })),
});

/** The validation problems in a line a log can carry: `title: expected string, received number; …`. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`);
  return shown.join('; ') + (error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '');
}

const orNull = (v: string | null | undefined) => (v ? v : null);
const imagePath = (v: string | null | undefined) => (v && POSTER_PATH.test(v) ? v : null);
const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

export function toMovieDetails(raw: z.infer<typeof movieDetailsSchema>): MovieDetails {
  const releaseDate = orNull(raw.release_date);
  const providers: Record<string, RegionProviders> = {};
  for (const [code, offers] of Object.entries(raw['watch/providers']?.results ?? {})) {
    const region = normalizeRegion(code);
    if (!region) continue;
    providers[region] = {
      link: offers.link && /^https:\/\//.test(offers.link) ? offers.link : null,
      flatrate: names(offers.flatrate),
      free: names(offers.free),
      ads: names(offers.ads),
      rent: names(offers.rent),
      buy: names(offers.buy),
    };
  }
  return {
    tmdbId: raw.id,
    title: raw.title,
    originalTitle: raw.original_title || raw.title,
    overview: orNull(raw.overview?.trim()),
    runtime: raw.runtime ? raw.runtime : null,
    releaseDate,
    year: yearOf(releaseDate),
    posterPath: imagePath(raw.poster_path),
    genres: (raw.genres ?? []).map((g) => g.name).filter(Boolean),
    imdbId: raw.imdb_id && /^tt\d+$/.test(raw.imdb_id) ? Number(raw.imdb_id.slice(2)) : null,
    trailerKey: pickTrailer(raw.videos?.results ?? []),
    providers,
  };
}

/** Provider names in the region's display order, each once. */
function names(list: z.infer<typeof providerList>): string[] {
  const sorted = [...(list ?? [])].sort((a, b) => (a.display_priority ?? Infinity) - (b.display_priority ?? Infinity));
  return [...new Set(sorted.map((p) => p.provider_name))];
}

export function toListedMovie(raw: z.infer<typeof listedMovieSchema>): ListedMovie {
  const releaseDate = orNull(raw.release_date);
  return {
    tmdbId: raw.id,
    title: raw.title,
    originalTitle: raw.original_title || raw.title,
    releaseDate,
    year: yearOf(releaseDate),
    posterPath: imagePath(raw.poster_path),
    overview: orNull(raw.overview?.trim()),
    popularity: raw.popularity ?? 0,
    genreIds: raw.genre_ids ?? [],
  };
}

export function toImageConfig(raw: z.infer<typeof configurationSchema>): ImageConfig {
  return { secureBaseUrl: raw.images.secure_base_url, posterSizes: raw.images.poster_sizes };
}

/** The region's services in its display order. */
export function toWatchProviders(raw: z.infer<typeof providerCatalogSchema>, region: string): WatchProvider[] {
  const rank = (p: (typeof raw.results)[number]) => p.display_priorities?.[region] ?? p.display_priority ?? Infinity;
  return [...raw.results]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => ({ providerId: p.provider_id, name: p.provider_name, logoPath: imagePath(p.logo_path) }));
}
