import fs from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../../core/index.ts';

/**
 * Writes a MovieLens-layout ratings.csv with `rows` ratings over the given
 * movie ids: power-law movie popularity, ~154 ratings a user like ML-25M,
 * no repeated (user, movie) pair, half-star ratings.
 */
export async function generateRatings(file: string, movieIds: readonly number[], rows: number, seed = 42): Promise<void> {
  const random = mulberry32(seed);
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write('userId,movieId,rating,timestamp\n');
  const seen = new Set<number>();
  let written = 0;
  let user = 0;
  let chunk = '';
  while (written < rows) {
    user++;
    const count = Math.min(rows - written, Math.max(20, Math.round(-Math.log(1 - random()) * 154)));
    seen.clear();
    let t = 1_000_000_000 + Math.floor(random() * 570_000_000);
    for (let i = 0; i < count; i++) {
      let movie: number;
      do movie = movieIds[Math.floor(movieIds.length * random() ** 3)]!;
      while (seen.has(movie) && seen.size < movieIds.length / 2);
      seen.add(movie);
      const rating = Math.max(1, Math.min(10, Math.round(7 + 2 * (random() + random() - 1) * 2))) / 2;
      t += Math.floor(random() * 600);
      chunk += `${user},${movie},${rating.toFixed(1)},${t}\n`;
    }
    written += count;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
