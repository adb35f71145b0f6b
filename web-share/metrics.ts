import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

/**
 * The web server's own metrics, on the process's registry: requests and
 * latencies per route (recorded on every response, so kept to two label
 * lookups), and the page cache's figures read at scrape time.
 */
export class WebMetrics {
  private readonly requests: Counter<'route' | 'status'>;
  private readonly seconds: Histogram<'route'>;

  constructor(registry: Registry, pageCache: () => PageCacheStats | null) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'moviebot_web_requests_total',
      help: 'HTTP requests answered, by route and status.',
      labelNames: ['route', 'status'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'moviebot_web_request_seconds',
      help: 'Time to answer, by route.',
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    const stat = (key: keyof PageCacheStats) => pageCache()?.[key] ?? 0;
    new Counter({
      name: 'moviebot_web_page_cache_hits_total',
      help: 'Share and trends pages served from memory.',
      registers,
      collect() {
        this.reset();
        this.inc(stat('hits'));
      },
    });
    new Counter({
      name: 'moviebot_web_page_cache_misses_total',
      help: 'Share and trends pages rendered.',
      registers,
      collect() {
        this.reset();
        this.inc(stat('misses'));
      },
    });
    new Gauge({
      name: 'moviebot_web_page_cache_entries',
      help: 'Pages held in memory.',
      registers,
      collect() {
        this.set(stat('entries'));
      },
    });
  }

  record(route: string, status: number, seconds: number): void {
    this.requests.inc({ route, status });
    this.seconds.observe({ route }, seconds);
  }
}
