import { DISLIKE_MAX, POSITIVE_MIN, type TrainingData } from '../types.ts';
import { SparseRowsBuilder, type SparseRows } from '../sparse-rows.ts';

export interface ContentWeights {
  /** Weight of a genre row (each genre is one pseudo-user who "likes" its movies). */
  genre: number;
  /** Weight of a tag row; tags on fewer than `minTagMovies` movies are ignored. */
  tag: number;
  /** Weight of a decade row. */
  decade: number;
  minTagMovies: number;
  /**
   * Scale of a content entry for a movie that has ratings (1 for one that
   * has none): rated films are placed by their ratings, and content links
   * between them mostly add noise; unrated ones have only content.
   */
  ratedScale: number;
}

/**
 * What a rating puts in X: a positive (≥ 4) counts 1; a middling or low
 * rating still says the person chose to watch it, a weaker co-occurrence.
 */
export interface RatingWeights {
  neutral: number;
  dislike: number;
  /** Rows scaled by (row length)^-α so heavy raters do not dominate co-occurrence. */
  userNormalization: number;
  /** Added to a 5-star rating's weight of 1. */
  fiveStarBonus: number;
}

export interface TrainingMatrix {
  /** Users' positives (1 each), then content pseudo-users. */
  x: SparseRows;
  /** Item index → MovieLens id (every catalog movie, rated or not). */
  itemIds: Int32Array;
  /** Item index → number of positive ratings. */
  popularity: Float32Array;
  /** Column scale applied to X (see EaseFactors.itemScale). */
  itemScale: Float32Array;
  userRows: number;
  contentRows: number;
}

/**
 * X for the EASE-style model: one row per user (their positives), plus one
 * row per genre, frequent tag and decade, so that a movie nobody rated yet
 * still has co-occurrences, and a vector, through its content.
 */
export function buildTrainingMatrix(
  data: TrainingData,
  content: ContentWeights,
  kappa = 0,
  weights: RatingWeights = { neutral: 0, dislike: 0, userNormalization: 0, fiveStarBonus: 0 },
): TrainingMatrix {
  const itemIds = Int32Array.from(data.movies.map((m) => m.id));
  const index = new Map<number, number>();
  itemIds.forEach((id, i) => index.set(id, i));

  const byUser = new Map<number, { items: number[]; values: number[] }>();
  const popularity = new Float32Array(itemIds.length);
  const { ratings } = data;
  for (let r = 0; r < ratings.length; r++) {
    const rating = ratings.ratings[r]!;
    const value = rating >= POSITIVE_MIN ? 1 + (rating >= 5 ? weights.fiveStarBonus : 0) : rating <= DISLIKE_MAX ? weights.dislike : weights.neutral;
    if (value === 0) continue;
    const item = index.get(ratings.movieIds[r]!);
    if (item === undefined) continue;
    if (rating >= POSITIVE_MIN) popularity[item] = popularity[item]! + 1;
    const user = ratings.userIds[r]!;
    let row = byUser.get(user);
    if (!row) byUser.set(user, (row = { items: [], values: [] }));
    row.items.push(item);
    row.values.push(value);
  }

  const builder = new SparseRowsBuilder(itemIds.length);
  // Keep trace(XᵀX) as without normalisation, so λ keeps its meaning.
  let before = 0;
  let after = 0;
  for (const row of byUser.values()) {
    const scale = row.items.length ** -weights.userNormalization;
    for (const v of row.values) {
      before += v * v;
      after += v * v * scale * scale;
    }
  }
  const keepTrace = after > 0 ? Math.sqrt(before / after) : 1;
  for (const row of byUser.values()) {
    const scale = keepTrace * row.items.length ** -weights.userNormalization;
    row.items.forEach((item, i) => builder.push(item, row.values[i]! * scale));
    builder.endRow();
  }
  const contentRows = addContentRows(builder, data, index, content, popularity);
  const x = builder.build();
  const diag = new Float64Array(itemIds.length);
  for (let p = 0; p < x.idx.length; p++) diag[x.idx[p]!] = diag[x.idx[p]!]! + x.vals[p]! * x.vals[p]!;
  const itemScale = Float32Array.from(diag, (g) => 1 / Math.sqrt(1 + kappa * g));
  for (let p = 0; p < x.idx.length; p++) x.vals[p] = x.vals[p]! * itemScale[x.idx[p]!]!;
  return { x, itemIds, popularity, itemScale, userRows: byUser.size, contentRows };
}

function addContentRows(builder: SparseRowsBuilder, data: TrainingData, index: Map<number, number>, w: ContentWeights, popularity: Float32Array): number {
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
    for (const item of g.items) builder.push(item, popularity[item]! > 0 ? value * w.ratedScale : value);
    builder.endRow();
    rows++;
  }
  return rows;
}
