import type { JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';

/** import: not built yet (issue 5). */
export function importData(_context: ProcessorContext) {
  return async (_data: JobPayloads['import']): Promise<void> => {};
}
