import { describe, expect, it } from 'vitest';
import { popularityRecommender } from '../eval/popularity.ts';
import { syntheticData } from '../eval/synthetic-data.ts';
import type { ModelVersion } from '../model.ts';
import type { ModelTrainer, TrainedModel, TrainingDataSource } from '../ports/model-trainer.ts';
import type { ModelVersionStore, NewModelVersion } from '../ports/model-version.store.ts';
import { COMMUNITY_USER_OFFSET, type CommunitySignal } from '../rollout/community-ratings.ts';
import { holdOut, HOLDOUT_SCHEME, type HoldoutOptions } from '../rollout/holdout.ts';
import type { Recommender, TrainingData } from '../recommender/types.ts';
import { retrainModel, type RetrainDeps } from './retrain-model.ts';

/** Small data: 200 users, a third of them held out. */
const HOLDOUT: HoldoutOptions = { seed: 1, share: 0.35, maxUsers: 1000 };
const data = syntheticData({ users: 200, movies: 80 });

class MemoryVersions implements ModelVersionStore {
  readonly rows = new Map<string, ModelVersion>();
  async register(m: NewModelVersion) {
    if (!this.rows.has(m.version)) this.rows.set(m.version, { ...m, status: 'candidate', createdAt: new Date(), promotedAt: null });
  }
  async promote(version: string, { ifActive }: { ifActive?: string | null } = {}) {
    if (ifActive !== undefined && ((await this.active())?.version ?? null) !== ifActive) return false;
    for (const row of this.rows.values()) if (row.status === 'active') row.status = 'retired';
    this.rows.get(version)!.status = 'active';
    return true;
  }
  async reject(version: string) {
    this.rows.get(version)!.status = 'rejected';
  }
  async active() {
    return [...this.rows.values()].find((r) => r.status === 'active') ?? null;
  }
  async formerlyActive() {
    return [...this.rows.values()].filter((r) => r.status === 'retired').reverse();
  }
}

/** Recommends nothing anyone liked: what a broken training run would serve. */
const broken: Recommender = {
  recommend: (_p, k) => Array.from({ length: k }, (_, i) => ({ movieId: 100_000 + i, score: 1, because: null })),
  recommendGroup: (_m, k) => Array.from({ length: k }, (_, i) => ({ movieId: 100_000 + i, score: 1, because: null })),
};

class FakeTrainer implements ModelTrainer {
  readonly recipe = 'test-recipe';
  readonly models = new Map<string, Recommender>();
  readonly discarded: string[] = [];
  trained: TrainingData[] = [];
  /** What the next training produces: a popularity model of its data by default. */
  next: (data: TrainingData) => Recommender = popularityRecommender;

  async train(data: TrainingData): Promise<TrainedModel> {
    this.trained.push(data);
    const version = `v${this.trained.length}`;
    const recommender = this.next(data);
    this.models.set(version, recommender);
    return { version, path: `models/${version}`, backend: 'test', trainingSeconds: 0, recommender };
  }
  async open(version: ModelVersion) {
    return this.models.get(version.version) ?? null;
  }
  async discard(version: string) {
    this.discarded.push(version);
    this.models.delete(version);
  }
}

function setup() {
  const signals: CommunitySignal[] = [];
  const source: TrainingDataSource = {
    movielens: async () => ({ data, fingerprint: 'ml' }),
    movielensFingerprint: async () => 'ml',
    communitySignals: async () => [...signals],
  };
  const versions = new MemoryVersions();
  const trainer = new FakeTrainer();
  const announced: string[] = [];
  const deps: RetrainDeps = { source, trainer, versions, announce: async (v) => void announced.push(v) };
  return { signals, versions, trainer, announced, deps, run: (force = false) => retrainModel(deps, { holdout: HOLDOUT, force }) };
}

describe('retrainModel', () => {
  it('promotes the first model and records its held-out figures', async () => {
    const { run, versions, announced } = setup();
    const outcome = await run();
    expect(outcome).toMatchObject({ status: 'promoted', version: 'v1', current: null });
    expect(outcome.candidate!.users).toBeGreaterThan(30);
    expect(outcome.candidate!.ndcg20).toBeGreaterThan(0);
    const active = (await versions.active())!;
    expect(active.version).toBe('v1');
    expect(active.metrics).toMatchObject({ holdoutScheme: HOLDOUT_SCHEME, ndcg20: outcome.candidate!.ndcg20, evalUsers: outcome.candidate!.users });
    expect(announced).toEqual(['v1']);
  });

  it('trains on everything but the held-out ratings, and the community as extra users', async () => {
    const { run, signals, trainer } = setup();
    signals.push({ userId: 7, movieId: 10, kind: 'favorite' }, { userId: 7, movieId: 20, kind: 'down' }, { userId: 7, movieId: 10, kind: 'up' });
    await run();
    const trained = trainer.trained[0]!.ratings;
    const heldOut = holdOut(data, HOLDOUT).slice.reduce((n, c) => n + c.targets.size, 0);
    expect(heldOut).toBeGreaterThan(50);
    expect(trained.length).toBe(data.ratings.length - heldOut + 2);
    const community = [];
    for (let i = 0; i < trained.length; i++) {
      if (trained.userIds[i]! >= COMMUNITY_USER_OFFSET) community.push([trained.userIds[i], trained.movieIds[i], trained.ratings[i]]);
    }
    // The favourite outweighs the 👍 of the same movie; the 👎 is a low rating.
    expect(community).toEqual([
      [COMMUNITY_USER_OFFSET + 7, 10, 5],
      [COMMUNITY_USER_OFFSET + 7, 20, 1],
    ]);
  });

  it('a second run on the same data trains nothing and announces the active version again', async () => {
    const { run, trainer, announced, versions } = setup();
    await run();
    const again = await run();
    expect(again).toMatchObject({ status: 'unchanged', version: 'v1' });
    expect(trainer.trained).toHaveLength(1);
    expect(announced).toEqual(['v1', 'v1']);
    expect([...versions.rows.values()].filter((r) => r.status === 'active')).toHaveLength(1);
  });

  it('new community feedback makes a new version; one active at a time', async () => {
    const { run, signals, versions, announced } = setup();
    await run();
    signals.push({ userId: 1, movieId: 30, kind: 'up' });
    const outcome = await run();
    expect(outcome).toMatchObject({ status: 'promoted', version: 'v2' });
    expect(outcome.current!.ndcg20).toBeGreaterThan(0);
    expect([...versions.rows.values()].map((r) => [r.version, r.status])).toEqual([
      ['v1', 'retired'],
      ['v2', 'active'],
    ]);
    expect(announced).toEqual(['v1', 'v2']);
  });

  it('a worse candidate is rejected and discarded; the active model keeps serving, nothing is announced', async () => {
    const { run, signals, versions, trainer, announced } = setup();
    await run();
    signals.push({ userId: 1, movieId: 30, kind: 'up' });
    trainer.next = () => broken;
    const outcome = await run();
    expect(outcome.status).toBe('rejected');
    expect(outcome.reason).toMatch(/finds none|worse/);
    expect((await versions.active())!.version).toBe('v1');
    expect(versions.rows.get('v2')!.status).toBe('rejected');
    expect(trainer.discarded).toEqual(['v2']);
    expect(announced).toEqual(['v1']);
  });

  it('two retrains at once: the one that finishes second is refused, not promoted over the first', async () => {
    const { run, signals, versions, trainer, announced } = setup();
    await run();
    signals.push({ userId: 1, movieId: 30, kind: 'up' });
    // While this run trains, another (a manual `moviebot train` beside the nightly one) promotes its model.
    trainer.next = (d) => {
      versions.rows.set('other', {
        version: 'other',
        path: 'models/other',
        datasetFingerprint: 'x',
        backend: 'test',
        metrics: {},
        status: 'candidate',
        createdAt: new Date(),
        promotedAt: null,
      });
      void versions.promote('other');
      return popularityRecommender(d);
    };
    const outcome = await run();
    expect(outcome.status).toBe('rejected');
    expect(outcome.reason).toMatch(/another retrain promoted other while this one ran; this candidate was compared with v1/);
    expect((await versions.active())!.version).toBe('other');
    expect(versions.rows.get('v2')!.status).toBe('rejected');
    expect(trainer.discarded).toEqual(['v2']);
    expect(announced).toEqual(['v1']);
  });

  it('a retrain that dies mid-training registers nothing and leaves the active model', async () => {
    const { run, signals, versions, trainer, announced } = setup();
    await run();
    signals.push({ userId: 1, movieId: 30, kind: 'up' });
    trainer.next = () => {
      throw new Error('killed');
    };
    await expect(run()).rejects.toThrow('killed');
    expect([...versions.rows.keys()]).toEqual(['v1']);
    expect((await versions.active())!.version).toBe('v1');
    expect(announced).toEqual(['v1']);
  });

  it('a current model trained without the held-out slice is no fair bar: the candidate replaces it', async () => {
    const { run, versions, trainer } = setup();
    // Adopted from models/current: it learned from every rating, the held-out ones included.
    trainer.models.set('legacy', popularityRecommender(data));
    await versions.register({ version: 'legacy', path: 'models/legacy', datasetFingerprint: 'x', backend: 'test', metrics: {} });
    await versions.promote('legacy');
    const outcome = await run();
    expect(outcome.status).toBe('promoted');
    expect(outcome.reason).toMatch(/not trained without this held-out slice/);
  });
});
