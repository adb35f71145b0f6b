import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import fastifyHelmet from '@fastify/helmet';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { adminAuth } from '../plugins/admin-auth.ts';
import { dashboardHelmetOptions } from '../plugins/security.ts';

export const DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboardOptions {
  /** ADMIN_TOKEN; without one the dashboard is off (404, like any unknown path). */
  token: string | undefined;
  /** The BullMQ queues (REDIS_URL); empty when jobs run in-process. */
  queues: readonly Queue[];
  https: boolean;
}

/**
 * bull-board under /admin/queues, behind the admin token, in a scope of its
 * own: its relaxed CSP applies there and nowhere else. With jobs running
 * in-process there are no queues to show: signed-in operators are told so
 * (404), and pointed at /metrics for the runner's counts.
 */
export async function registerQueueDashboard(app: FastifyInstance, options: QueueDashboardOptions): Promise<void> {
  const { token } = options;
  if (!token) return;
  await app.register(async (admin) => {
    await admin.register(fastifyHelmet, dashboardHelmetOptions(options.https));
    admin.addHook('onRequest', adminAuth({ token, path: DASHBOARD_PATH, https: options.https }));
    if (options.queues.length === 0) {
      const embedded = { error: 'No queue dashboard: jobs run in-process (no REDIS_URL). Their counts are on /metrics (moviebot_queue_jobs).' };
      for (const url of [DASHBOARD_PATH, `${DASHBOARD_PATH}/*`])
        admin.get(url, (_request, reply) => reply.code(404).header('cache-control', 'no-store').send(embedded));
      return;
    }
    const board = new FastifyAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: options.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Moviebot jobs' } },
    });
    // Signed-in pages and API answers are for one operator: no proxy keeps them (static files set their own).
    admin.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    await admin.register(board.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}
