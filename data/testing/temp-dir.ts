import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A fresh temporary folder for the calling test file, removed afterwards.
 * Call at the top of a test file; the returned function gives paths inside it.
 */
export function useTempDir(prefix = 'moviebot-test-'): (...parts: string[]) => string {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
  return (...parts) => {
    if (!root) throw new Error('useTempDir: the folder exists only inside tests');
    return join(root, ...parts);
  };
}
