/** A video as TMDB lists it under `videos.results`. */
export interface TmdbVideoRecord {
  key: string;
  site: string;
  type: string;
  official?: boolean | null;
  published_at?: string | null;
}

/** YouTube video ids: 11 characters of base64url. Anything else is not put in a link. */
const YOUTUBE_KEY = /^[\w-]{11}$/;
/** Teasers count when there is no trailer; clips, featurettes and behind-the-scenes never do. */
const TYPE_RANK: Record<string, number> = { Trailer: 0, Teaser: 1 };

/**
 * The YouTube key of the film's trailer, or null: a Trailer before a Teaser,
 * official before not (a fan upload is newer but not the studio's), then the
 * newest (a re-release trailer over the original). Other sites are skipped:
 * the card's button opens YouTube.
 */
export function pickTrailer(videos: readonly TmdbVideoRecord[]): string | null {
  const candidates = videos.filter((v) => v.site === 'YouTube' && YOUTUBE_KEY.test(v.key) && v.type in TYPE_RANK);
  candidates.sort(
    (a, b) => TYPE_RANK[a.type]! - TYPE_RANK[b.type]! || Number(b.official === true) - Number(a.official === true) || published(b) - published(a),
  );
  return candidates[0]?.key ?? null;
}

function published(video: TmdbVideoRecord): number {
  const time = Date.parse(video.published_at ?? '');
  return Number.isNaN(time) ? 0 : time;
}
