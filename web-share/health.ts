/** What `/healthz` reports; assembled by whoever starts the web server. */
export interface HealthReport {
  ok: boolean;
  version: string;
  node: string;
  uptimeSeconds: number;
  storage: { kind: 'postgres' | 'pglite'; connected: boolean };
  redis: 'not configured' | { connected: boolean };
  catalog: { movies: number; ratings: number; tags: number } | null;
  /** Where the films come from: `MovieLens`, or `MovieLens + TMDB` when TMDB is configured (posters, providers, new releases). */
  movies: string;
  bots: Record<string, string>;
}

export type HealthProbe = () => Promise<HealthReport>;
