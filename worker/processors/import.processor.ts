import fs from 'node:fs/promises';
import { BadJobError, type JobPayloads } from '../../core/index.ts';
import { DatasetError, ImportRejectedError } from '../../data/index.ts';
import type { ProcessorContext } from './context.ts';

/**
 * import: imports a MovieLens folder into the database with the same
 * importer as `moviebot data import`. Idempotent: the import is one
 * transaction that upserts movies and replaces ratings and tags, so running
 * it twice leaves the same catalog. A folder that is missing or holds no
 * valid release fails at once, without retries.
 */
export function importData({ importFolder }: ProcessorContext) {
  return async (data: JobPayloads['import']): Promise<void> => {
    const source = data?.source;
    if (typeof source !== 'string' || source.trim() === '') throw new BadJobError(`import needs a source folder, got ${JSON.stringify(data)}`);
    if (!importFolder) throw new Error('import: this process was built without a database');
    const stat = await fs.stat(source).catch(() => null);
    if (!stat?.isDirectory()) throw new BadJobError(`import: ${source} is not a folder on this worker`);
    try {
      await importFolder(source);
    } catch (err) {
      // A folder without a release, or with malformed rows, fails the same way however often it is retried.
      if (err instanceof DatasetError || err instanceof ImportRejectedError) throw new BadJobError(`import of ${source}: ${err.message}`);
      throw err;
    }
  };
}
