import type { JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';

/** recompute-server: not built yet (issue 5). */
export function recomputeServer(_context: ProcessorContext) {
  return async (_data: JobPayloads['recompute-server']): Promise<void> => {};
}
