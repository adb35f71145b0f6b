import type { DenseMath } from '../dense-math.ts';
import type { EaseFactors } from '../ease-factors.ts';
import type { TrainingData } from '../types.ts';
import { dualEigenpairs } from './dual-eigenpairs.ts';
import { topEigenpairs } from './top-eigenpairs.ts';
import { buildTrainingMatrix, type ContentWeights, type RatingWeights } from './training-matrix.ts';

export interface FitParams {
  content: ContentWeights;
  /** Up to this many rows of X (users + content), the fit is exact through XXᵀ. */
  exactRowsLimit: number;
  /** Otherwise a randomized sketch of this width: the most eigen-directions kept. */
  sketchWidth: number;
  powerIterations: number;
  seed: number;
  /** κ of the popularity-proportional regulariser λ(1 + κ·G_ii); 0 is plain EASE. */
  popularityRegularization: number;
  ratingWeights: RatingWeights;
}

/** Tuned with bench:quality on ml-latest-small. */
export const DEFAULT_FIT: FitParams = {
  content: { genre: 1, tag: 1, decade: 1, minTagMovies: 3, ratedScale: 0.2 },
  exactRowsLimit: 1500,
  sketchWidth: 160,
  powerIterations: 2,
  seed: 7,
  popularityRegularization: 0,
  ratingWeights: { neutral: 0.7, dislike: 0.4, userNormalization: 0, fiveStarBonus: 0.5 },
};

/** Trains the model's factors: X from ratings and content, then XᵀX's top eigenpairs. */
export async function fitEase(data: TrainingData, params: FitParams, math: DenseMath): Promise<EaseFactors> {
  const m = buildTrainingMatrix(data, params.content, params.popularityRegularization, params.ratingWeights);
  const eig =
    m.x.rows <= params.exactRowsLimit
      ? dualEigenpairs(m.x)
      : await topEigenpairs(m.x, { width: params.sketchWidth, powerIterations: params.powerIterations, seed: params.seed, math });
  return {
    itemIds: m.itemIds,
    rank: eig.rank,
    vectors: eig.vectors,
    values: eig.values,
    popularity: m.popularity,
    itemScale: m.itemScale,
  };
}
