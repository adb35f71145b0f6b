import { describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../jobs/job-names.ts';
import type { QueueCounts } from '../../domain/ports/job-queue.ts';
import { Metrics } from './metrics.ts';

const counts = (waiting: number): QueueCounts =>
  Object.fromEntries(JOB_NAMES.map((name) => [name, { waiting, active: 0, delayed: 0, failed: 0 }])) as QueueCounts;

describe('Metrics', () => {
  it('reports queue depth only where queues are watched, and says when it could not be read', async () => {
    const m = new Metrics({ processMetrics: false });
    expect((await m.render()).body).not.toMatch(/^moviebot_queue_jobs/m);
    let up = true;
    let reads = 0;
    m.watchQueues(async () => {
      reads++;
      if (!up) throw new Error('Redis is reconnecting');
      return counts(3);
    });
    const body = (await m.render()).body;
    expect(body).toContain('moviebot_queue_jobs{queue="retrain",state="waiting"} 3');
    expect(body).toMatch(/^moviebot_queue_jobs_readable 1$/m);
    expect(reads).toBe(1); // both gauges share one read per scrape
    up = false;
    const down = (await m.render()).body;
    expect(down).toMatch(/^moviebot_queue_jobs_readable 0$/m);
    expect(down).not.toMatch(/^moviebot_queue_jobs\{/m);
  });

  it('a queue read that hangs does not hang the scrape', async () => {
    const m = new Metrics({ processMetrics: false });
    m.watchQueues(() => new Promise(() => {}));
    const started = Date.now();
    expect((await m.render()).body).toMatch(/^moviebot_queue_jobs_readable 0$/m);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts ready-list hits and misses, recommend latency by source, job durations by queue and outcome', async () => {
    const m = new Metrics({ processMetrics: false });
    m.readyListLookup(true);
    m.readyListLookup(false);
    m.readyListLookup(false);
    m.recommended(0.002, 'ready');
    m.jobFinished('recompute-user', 0.004, 'completed');
    m.jobFinished('recompute-user', 0.1, 'failed');
    const body = (await m.render()).body;
    expect(body).toMatch(/^moviebot_ready_list_hits_total 1$/m);
    expect(body).toMatch(/^moviebot_ready_list_misses_total 2$/m);
    expect(body).toContain('moviebot_recommend_seconds_count{source="ready"} 1');
    expect(body).toContain('moviebot_recommend_seconds_bucket{le="0.0025",source="ready"} 1');
    expect(body).toContain('moviebot_job_duration_seconds_count{queue="recompute-user",outcome="completed"} 1');
    expect(body).toContain('moviebot_job_duration_seconds_count{queue="recompute-user",outcome="failed"} 1');
  });
});
