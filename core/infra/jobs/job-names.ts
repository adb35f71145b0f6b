import type { JobName } from '../../domain/ports/job-queue.ts';

/** Every job name, one BullMQ queue each. */
export const JOB_NAMES: readonly JobName[] = ['recompute-user', 'recompute-server', 'retrain', 'import', 'enrich', 'catalog-sync'];
