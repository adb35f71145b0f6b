import { POSITIVE_MIN, type TrainingData } from '../types.ts';
import { SparseRowsBuilder, type SparseRows } from '../sparse-rows.ts';

export interface ContentWeights {
  /** Weight of a genre row (each genre is one pseudo-user who "likes" its movies). */
  genre: number;
  /** Weight of a tag row; tags on fewer than `minTagMovies` movies are ignored. */
  tag: number;
  /** Weight of a decade row. */
  decade: number;
  minTagMovies: number;
}

export interface TrainingMatrix {
  /** Users' positives (1 each), then content pseudo-users. */
  x: SparseRows;
  /** Item index → MovieLens id (every catalog movie, rated or not). */
  itemIds: Int32Array;
  /** Item index → number of positive ratings. */
  popularity: Float32Array;
  userRows: number;
  contentRows: number;
}

/**
 * X for the EASE-style model: one row per user (their positives), plus one
 * row per genre, frequent tag and decade, so that a movie nobody rated yet
 * still has co-occurrences, and a vector, through its content.
 */
export function buildTrainingMatrix(data: TrainingData, content: ContentWeights): TrainingMatrix {
  const itemIds = Int32Array.from(data.movies.map((m) => m.id));
  const index = new Map<number, number>();
  itemIds.forEach((id, i) => index.set(id, i));

  const byUser = new Map<number, number[]>();
  const popularity = new Float32Array(itemIds.length);
  const { ratings } = data;
  for (let r = 0; r < ratings.length; r++) {
    if (ratings.ratings[r]! < POSITIVE_MIN) continue;
    const item = index.get(ratings.movieIds[r]!);
    if (item === undefined) continue;
    popularity[item] = popularity[item]! + 1;
    const user = ratings.userIds[r]!;
    let list = byUser.get(user);
    if (!list) byUser.set(user, (list = []));
    list.push(item);
  }

  const builder = new SparseRowsBuilder(itemIds.length);
  for (const items of byUser.values()) {
    for (const item of items) builder.push(item, 1);
    builder.endRow();
  }
  const contentRows = addContentRows(builder, data, index, content);
  return { x: builder.build(), itemIds, popularity, userRows: byUser.size, contentRows };
}

function addContentRows(
  builder: SparseRowsBuilder,
  data: TrainingData,
  index: Map<number, number>,
  w: ContentWeights,
): number {
  const groups = new Map<string, { weight: number; items: Set<number> }>();
  const add = (key: string, weight: number, item: number) => {
    if (weight <= 0) return;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { weight, items: new Set() }));
    g.items.add(item);
  };
  data.movies.forEach((movie, item) => {
    for (const genre of movie.genres) add(`g:${genre}`, w.genre, item);
    if (movie.year !== null) add(`d:${Math.floor(movie.year / 10)}`, w.decade, item);
  });
  for (const t of data.tags) {
    const item = index.get(t.movieId);
    if (item !== undefined) add(`t:${t.tag.trim().toLowerCase()}`, w.tag, item);
  }
  let rows = 0;
  for (const [key, g] of groups) {
    if (key.startsWith('t:') && g.items.size < w.minTagMovies) continue;
    // Scaled by 1/√size so a genre with 4,000 movies does not drown the ratings.
    const value = g.weight / Math.sqrt(g.items.size);
    for (const item of g.items) builder.push(item, value);
    builder.endRow();
    rows++;
  }
  return rows;
}
