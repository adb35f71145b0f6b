/** Request counts and latencies per route, in Prometheus' text format (no client library needed for this much). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class WebMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Series>();

  record(route: string, status: number, seconds: number): void {
    const key = `route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let series = this.durations.get(route);
    if (!series) this.durations.set(route, (series = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    series.count++;
    series.sum += seconds;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) series.buckets[i]!++;
  }

  render(gauges: Record<string, { help: string; value: number; type?: 'gauge' | 'counter' }>): string {
    const lines = ['# HELP moviebot_web_requests_total HTTP requests answered, by route and status.', '# TYPE moviebot_web_requests_total counter'];
    for (const [labels, n] of this.requests) lines.push(`moviebot_web_requests_total{${labels}} ${n}`);
    lines.push('# HELP moviebot_web_request_seconds Time to answer, by route.', '# TYPE moviebot_web_request_seconds histogram');
    for (const [route, s] of this.durations) {
      BUCKETS.forEach((le, i) => lines.push(`moviebot_web_request_seconds_bucket{route="${route}",le="${le}"} ${s.buckets[i]}`));
      lines.push(`moviebot_web_request_seconds_bucket{route="${route}",le="+Inf"} ${s.count}`);
      lines.push(`moviebot_web_request_seconds_sum{route="${route}"} ${s.sum}`, `moviebot_web_request_seconds_count{route="${route}"} ${s.count}`);
    }
    for (const [name, g] of Object.entries(gauges)) lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} ${g.type ?? 'gauge'}`, `${name} ${g.value}`);
    return `${lines.join('\n')}\n`;
  }
}
