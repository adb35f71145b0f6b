import type { ImageConfig } from '../ports/movie-details.source.ts';

/** A poster path as TMDB writes them (`/abc.jpg`): anything else is not put in a URL. */
export const POSTER_PATH = /^\/[\w.-]+$/;

/**
 * The URL of a poster at least `width` pixels wide: the configuration's
 * secure base, the smallest `w…` size that is wide enough (else `original`),
 * and the path. Null for no path or a path that is not one.
 */
export function posterUrl(config: ImageConfig, posterPath: string | null, width = 342): string | null {
  if (!posterPath || !POSTER_PATH.test(posterPath)) return null;
  const widths = config.posterSizes
    .map((size) => ({ size, w: /^w(\d+)$/.exec(size)?.[1] }))
    .filter((s): s is { size: string; w: string } => s.w !== undefined)
    .sort((a, b) => Number(a.w) - Number(b.w));
  const size = widths.find((s) => Number(s.w) >= width)?.size ?? 'original';
  return `${config.secureBaseUrl.replace(/\/+$/, '')}/${size}${posterPath}`;
}
