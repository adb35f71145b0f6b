import { createHash } from 'node:crypto';
import type { ModelVersionStore } from '../ports/model-version.store.ts';
import type { ModelTrainer, TrainingDataSource } from '../ports/model-trainer.ts';
import { withCommunitySignals, type CommunitySignal } from '../rollout/community-ratings.ts';
import { DEFAULT_HOLDOUT, HOLDOUT_SCHEME, holdOut, scoreSliceInTurns, type HoldoutOptions, type SliceScore } from '../rollout/holdout.ts';
import { decidePromotion, PROMOTION_TOLERANCE } from '../rollout/promotion.ts';

export interface RetrainDeps {
  source: TrainingDataSource;
  trainer: ModelTrainer;
  versions: ModelVersionStore;
  /** Tells every process serving a model (this one included) that `version` is now the active one. */
  announce: (version: string) => Promise<void>;
  log?: (line: string) => void;
}

export interface RetrainOptions {
  /** Train even when the active model already learned from exactly this data. */
  force?: boolean;
  holdout?: HoldoutOptions;
  tolerance?: number;
}

export interface RetrainOutcome {
  /** `unchanged`: the active model already learned from this data; nothing was trained. */
  status: 'promoted' | 'rejected' | 'unchanged';
  /** The candidate's version (the active one when unchanged). */
  version: string;
  reason: string;
  candidate?: SliceScore;
  /** The model served before, on the same slice (null when there was none). */
  current?: SliceScore | null;
  trainingSeconds?: number;
  ratings?: number;
  communitySignals?: number;
}

/**
 * Retrains the model on MovieLens plus the community's favourites and 👍/👎,
 * scores the candidate and the active model on the same held-out slice,
 * registers the candidate and promotes it only if it is not worse. Safe to
 * run twice (at-least-once jobs): a rerun on the same data is `unchanged`
 * and announces the active version again (in case the first run died
 * between promoting and announcing); a run killed before promoting leaves
 * the active model serving.
 */
export async function retrainModel(deps: RetrainDeps, opts: RetrainOptions = {}): Promise<RetrainOutcome> {
  const log = deps.log ?? (() => {});
  // Decided before the ratings are read: a nightly run on unchanged data costs a few queries.
  const [signals, movielensFingerprint, active] = await Promise.all([
    deps.source.communitySignals(),
    deps.source.movielensFingerprint(),
    deps.versions.active(),
  ]);
  const current = active ? await deps.trainer.open(active) : null;
  if (active && current && active.datasetFingerprint === trainingFingerprint(movielensFingerprint, signals, deps.trainer.recipe) && !opts.force) {
    await deps.announce(active.version);
    return { status: 'unchanged', version: active.version, reason: 'the active model already learned from this data' };
  }

  const movielens = await deps.source.movielens();
  const fingerprint = trainingFingerprint(movielens.fingerprint, signals, deps.trainer.recipe);
  const data = withCommunitySignals(movielens.data, signals);
  if (data.ratings.length === 0) throw new Error('no ratings to train on: import MovieLens first (moviebot data import --from DIR)');
  const { train, slice } = holdOut(data, opts.holdout ?? DEFAULT_HOLDOUT);
  log(`Training on ${train.ratings.length} ratings (${signals.length} from the community); ${slice.length} users held out`);
  const trained = await deps.trainer.train(train, { holdoutScheme: HOLDOUT_SCHEME, communitySignals: signals.length });
  // In turns: the process may be answering people meanwhile (training itself runs on a worker thread).
  const candidate = await scoreSliceInTurns(trained.recommender, slice);
  const currentScore = current ? await scoreSliceInTurns(current, slice) : null;
  const decision = decidePromotion(
    candidate,
    active && currentScore ? { score: currentScore, holdoutScheme: active.metrics['holdoutScheme'] } : null,
    opts.tolerance ?? PROMOTION_TOLERANCE,
  );
  await deps.versions.register({
    version: trained.version,
    path: trained.path,
    datasetFingerprint: fingerprint,
    backend: trained.backend,
    metrics: {
      holdoutScheme: HOLDOUT_SCHEME,
      ndcg20: candidate.ndcg20,
      recall20: candidate.recall20,
      evalUsers: candidate.users,
      ...(currentScore && { previousNdcg20: currentScore.ndcg20, previousRecall20: currentScore.recall20 }),
      ratings: train.ratings.length,
      communitySignals: signals.length,
      trainingSeconds: trained.trainingSeconds,
    },
  });
  const outcome = {
    version: trained.version,
    reason: decision.reason,
    candidate,
    current: currentScore,
    trainingSeconds: trained.trainingSeconds,
    ratings: train.ratings.length,
    communitySignals: signals.length,
  };
  if (!decision.promote) {
    await deps.versions.reject(trained.version);
    await deps.trainer.discard(trained.version);
    return { status: 'rejected', ...outcome };
  }
  // Compared with the model active when this run began: if another run promoted one meanwhile, that comparison is stale.
  if (!(await deps.versions.promote(trained.version, { ifActive: active?.version ?? null }))) {
    await deps.versions.reject(trained.version);
    await deps.trainer.discard(trained.version);
    const now = (await deps.versions.active())?.version ?? 'none';
    return {
      status: 'rejected',
      ...outcome,
      reason: `another retrain promoted ${now} while this one ran; this candidate was compared with ${active?.version ?? 'no model'}`,
    };
  }
  await deps.announce(trained.version);
  return { status: 'promoted', ...outcome };
}

/** Same MovieLens import, same community signals, same recipe and slice: same fingerprint. */
export function trainingFingerprint(movielens: string, signals: readonly CommunitySignal[], recipe: string): string {
  const hash = createHash('sha256').update(`${movielens}\n${recipe}\nholdout ${HOLDOUT_SCHEME}\n`);
  for (const s of signals) hash.update(`${s.userId}\t${s.movieId}\t${s.kind}\n`);
  return hash.digest('hex').slice(0, 32);
}
