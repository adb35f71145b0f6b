import { MovieCatalog } from '../catalog.ts';
import { plainMath } from '../recommender/dense-math.ts';
import { EaseRecommender } from '../recommender/ease-recommender.ts';
import { DEFAULT_FIT, fitEase } from '../recommender/fit/fit-ease.ts';
import { DEFAULT_SERVING } from '../recommender/serving-params.ts';
import { clusteredData } from '../recommender/testing/clustered-data.ts';

const data = clusteredData();

/** The catalog of the three-taste world (sci-fi 1–12, romance 21–32, horror 41–52; see clusteredData). */
export const smallCatalog = new MovieCatalog(data.movies.map((m) => ({ ...m, imdbId: null, tmdbId: null })));

/** The model of the three-taste world, its λ low enough for a handful of likes to matter; fitted in well under a second. */
export async function smallModel(): Promise<EaseRecommender> {
  return new EaseRecommender(await fitEase(data, DEFAULT_FIT, plainMath), { ...DEFAULT_SERVING, lambdaKnots: [[3, 20]] });
}
