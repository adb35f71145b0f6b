/**
 * Reads the real MovieLens files when they are present. MOVIELENS_DIR names
 * the folder holding `ml-latest-small/` and `ml-25m-catalog/`; by default it
 * is ../shared/data next to the repository.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAll } from '../testing/read-all.ts';
import { detectDataset } from './detect.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = process.env.MOVIELENS_DIR ?? resolve(repo, '../shared/data');

function whenPresent(name: string) {
  const dir = join(dataDir, name);
  const present = existsSync(dir);
  if (!present) console.warn(`skipping the ${name} check: ${dir} not found (set MOVIELENS_DIR to the folder holding it)`);
  return { dir, it: present ? it : it.skip };
}

describe('real MovieLens data', () => {
  const small = whenPresent('ml-latest-small');
  small.it(
    'reads ml-latest-small whole with no problems',
    async () => {
      const data = await readAll(await detectDataset(small.dir));
      expect(data.problems).toEqual([]);
      expect(data.movies).toHaveLength(9742);
      expect(data.ratings).toHaveLength(100_836);
      expect(data.tags).toHaveLength(3683);
      expect(data.links).toHaveLength(9742);
      expect(data.movies[0]).toEqual({
        id: 1,
        title: 'Toy Story',
        year: 1995,
        genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
      });
    },
    30_000,
  );

  const catalog = whenPresent('ml-25m-catalog');
  catalog.it(
    'reads the ml-25m catalog with no problems',
    async () => {
      const files = await detectDataset(catalog.dir);
      expect(files.ratings).toBeUndefined();
      const data = await readAll(files);
      expect(data.problems).toEqual([]);
      expect(data.movies).toHaveLength(62_423);
      expect(data.movies.find((m) => m.id === 171749)).toMatchObject({ title: 'Death Note: Desu nôto', year: 2006 });
    },
    30_000,
  );
});
