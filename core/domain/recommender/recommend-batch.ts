import { PrunedFold } from './batch-fold.ts';
import { weightedLikes } from './explain.ts';
import { foldIn, type FoldedProfile } from './fold-in.ts';
import { recommendOne, shortlistSize } from './recommend-one.ts';
import type { ServingModel } from './serving-model.ts';
import type { Recommendation, TasteProfile } from './types.ts';
import type { VectorIndex } from './vector-index.ts';

/** A person of a batch whose profile folds in, with the shortlist the index found for it. */
interface Searched {
  folded: FoldedProfile;
  excluded: Set<number>;
  shortlist: Int32Array;
}

/**
 * Ready lists for several people (the recompute worker's micro-batches): for
 * each, the same picks, scores and explanations as {@link recommendOne},
 * with the shortlists searched in one call and less of each scored in full
 * ({@link PrunedFold}), the explanations found by the kernel in one pass.
 */
export class BatchRecommender {
  /** Made on the first batch: its per-item norms cost one pass over the model. */
  private pruned: PrunedFold | undefined;

  constructor(
    private readonly model: ServingModel,
    private readonly index: VectorIndex,
  ) {}

  recommendMany(profiles: readonly TasteProfile[], k: number): Recommendation[][] {
    const { model, index } = this;
    const dims = model.indexDimensions;
    const people = profiles.map((profile) => ({ profile, excluded: model.excludedRows([profile]), folded: foldIn(model, profile) }));
    const foldable = people.flatMap(({ folded, excluded }) => (folded ? [{ folded, excluded }] : []));
    const shortlists = index.searchMany(
      foldable.map(({ folded }) => Float32Array.from(folded.q.subarray(0, dims))),
      foldable.map(({ excluded }) => shortlistSize(k, excluded)),
    );
    const searched = new Map<FoldedProfile, Searched>();
    foldable.forEach((person, n) => {
      const shortlist = shortlists[n];
      if (shortlist) searched.set(person.folded, { ...person, shortlist });
    });
    return people.map(({ profile, folded }) => {
      const person = folded && searched.get(folded);
      return (person && this.picks(person, k)) ?? recommendOne(model, index, profile, k);
    });
  }

  /** The k picks of one person from their shortlist, explained; null when it holds fewer than k pickable items. */
  private picks({ folded, excluded, shortlist }: Searched, k: number): Recommendation[] | null {
    const { model } = this;
    const { kernel, norms, factors } = model;
    this.pruned ??= new PrunedFold({ kernel, items: model.items, norms, scale: factors.itemScale });
    const picks = this.pruned.top(folded, shortlist, k, excluded);
    if (!picks) return null;
    const dims = model.indexDimensions;
    const weighted = (folded.weighted ??= weightedLikes(model, folded));
    const { like } = kernel.bestLikes(
      picks.map((pick) => pick.index),
      weighted,
      folded.likes.length,
      dims,
    );
    return picks.map(({ index: row, score }, n) => {
      const favourite = folded.likes[like[n] ?? -1];
      return { movieId: model.movieId(row), score, because: favourite === undefined ? null : model.movieId(favourite) };
    });
  }
}
