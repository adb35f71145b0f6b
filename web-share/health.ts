/** What `/healthz` reports; assembled by whoever starts the web server. */
export interface HealthReport {
  ok: boolean;
  version: string;
  node: string;
  uptimeSeconds: number;
  storage: { kind: 'postgres' | 'pglite'; connected: boolean };
  redis: 'not configured' | { connected: boolean };
  catalog: { movies: number; ratings: number; tags: number } | null;
  bots: Record<string, string>;
}

export type HealthProbe = () => Promise<HealthReport>;
