/** Domain types shared by the use cases and the ports. */

export type Platform = 'discord' | 'telegram' | 'console';
/**
 * `movienight`: "how was it?" after a movie night, from someone who was in;
 * `import`: a rating read from another site's export (Letterboxd, IMDb, Trakt).
 */
export type FeedbackSource = 'button' | 'reaction' | 'inline' | 'command' | 'movienight' | 'import';
/** How a film came to be marked seen: a "Seen it" button, a terminal command, or an imported export. */
export type SeenSource = 'button' | 'command' | 'import';
/** 👍 = 1, 👎 = -1; 0 retracts (e.g. a removed reaction). */
export type FeedbackValue = -1 | 0 | 1;

export interface Movie {
  id: number;
  title: string;
  year: number | null;
  genres: string[];
  imdbId: number | null;
  tmdbId: number | null;
}

export interface Community {
  id: number;
  platform: Platform;
  platformCommunityId: string;
  name: string | null;
  trendsSlug: string;
  trendsEnabled: boolean;
}

export interface ModelVersion {
  version: string;
  status: 'candidate' | 'active' | 'retired' | 'rejected';
  path: string;
  datasetFingerprint: string;
  backend: string;
  metrics: Record<string, number>;
  createdAt: Date;
  promotedAt: Date | null;
}
