/** Reads the real MovieLens files (see test/support/movielens.ts for where they are looked for). */
import { describe, expect, it } from 'vitest';
import { ML_25M_CATALOG, ML_LATEST_SMALL } from '../../test/support/movielens.ts';
import { readAll } from '../testing/read-all.ts';
import { detectDataset } from './detect.ts';

function whenPresent(data: { dir: string; present: boolean }) {
  return { dir: data.dir, it: data.present ? it : it.skip };
}

describe('real MovieLens data', () => {
  const small = whenPresent(ML_LATEST_SMALL);
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

  const catalog = whenPresent(ML_25M_CATALOG);
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
