import type { JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';

/** retrain: not built yet (issue 5). */
export function retrain(_context: ProcessorContext) {
  return async (_data: JobPayloads['retrain']): Promise<void> => {};
}
