import {
  FAIRNESS_WINDOW,
  mulberry32,
  nightLosses,
  nightShortlist,
  POSITIVE_MIN,
  DISLIKE_MAX,
  type Attendee,
  type Recommender,
  type TasteProfile,
  type TrainingData,
} from '../../core/index.ts';

/** A simulated member: a MovieLens user, part of whose ratings the bot never sees. */
export interface SimMember {
  userId: number;
  /** What the bot knows: the ratings not held out (≥ 4 likes, ≤ 2 👎, the rest seen). */
  profile: TasteProfile;
  /** Their whole history (held-out ratings too): the "true" taste the winner is ranked by. */
  truth: TasteProfile;
  /** Held-out movie id → rating. */
  heldOut: Map<number, number>;
}

/** Each member's weights for the next night from the losses so far (newest first); null: everyone weighs 1. */
export type Weigh = (userIds: readonly number[], recent: ReadonlyMap<number, readonly number[]>) => ReadonlyMap<number, number> | null;

/**
 * `servers` servers of `size` distinct MovieLens users (each with at least
 * `minPositives` ratings ≥ 4), a `holdOut` share of each one's ratings held
 * out, and the training data without those ratings (the model never saw them).
 */
export function sampleServers(
  data: TrainingData,
  opts: { servers: number; size: number; seed: number; holdOut: number; minPositives: number },
): { servers: SimMember[][]; train: TrainingData } {
  const byUser = new Map<number, number[]>();
  const { ratings } = data;
  for (let r = 0; r < ratings.length; r++) byUser.set(ratings.userIds[r]!, [...(byUser.get(ratings.userIds[r]!) ?? []), r]);
  const rnd = mulberry32(opts.seed);
  const eligible = [...byUser.keys()].filter((u) => byUser.get(u)!.filter((r) => ratings.ratings[r]! >= POSITIVE_MIN).length >= opts.minPositives);
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
  }
  const chosen = eligible.slice(0, opts.servers * opts.size);
  const held = new Set<number>();
  const members = chosen.map((userId): SimMember => {
    const rows = byUser.get(userId)!;
    const heldOut = new Map<number, number>();
    const known: number[] = [];
    for (const r of rows) {
      if (rnd() < opts.holdOut) {
        held.add(r);
        heldOut.set(ratings.movieIds[r]!, ratings.ratings[r]!);
      } else known.push(r);
    }
    return { userId, profile: profileOf(data, known, true), truth: profileOf(data, rows, false), heldOut };
  });
  const keep = Array.from({ length: ratings.length }, (_, r) => r).filter((r) => !held.has(r));
  const train: TrainingData = {
    ...data,
    ratings: {
      length: keep.length,
      userIds: Int32Array.from(keep, (r) => ratings.userIds[r]!),
      movieIds: Int32Array.from(keep, (r) => ratings.movieIds[r]!),
      ratings: Float32Array.from(keep, (r) => ratings.ratings[r]!),
    },
  };
  const servers = Array.from({ length: opts.servers }, (_, s) => members.slice(s * opts.size, (s + 1) * opts.size));
  return { servers, train };
}

function profileOf(data: TrainingData, rows: readonly number[], withSeen: boolean): TasteProfile {
  const { movieIds, ratings } = data.ratings;
  const likes = rows.filter((r) => ratings[r]! >= POSITIVE_MIN).map((r) => movieIds[r]!);
  const dislikes = rows.filter((r) => ratings[r]! <= DISLIKE_MAX).map((r) => movieIds[r]!);
  const seen = rows.filter((r) => ratings[r]! > DISLIKE_MAX && ratings[r]! < POSITIVE_MIN).map((r) => movieIds[r]!);
  return withSeen ? { likes, dislikes, seen } : { likes, dislikes };
}

/** One server's nights: the winner's rank in each member's own list, member × night. */
export interface NightsResult {
  ranks: number[][];
  winners: number[];
}

/**
 * `nights` nights at which every member is in: the shortlist of `candidates`
 * for them (weighted by `weigh`), each member approving the candidates they
 * like (a held-out rating ≥ 4; unrated ones: those their true score puts
 * above their own median of the candidates), the most approved winning (ties
 * by group score). The winner is excluded from later nights, its losses
 * (by the model, as the bot records them) feed the next weights, and its rank
 * in each member's full list (all films they have not rated or watched here,
 * by their true score) is recorded.
 */
export function simulateNights(
  model: Recommender,
  server: readonly SimMember[],
  opts: { nights: number; candidates: number; weigh: Weigh; movieIds: readonly number[] },
): NightsResult {
  if (!model.zScoresOf) throw new Error('bench:fairness needs a model with z-scores');
  const ids = opts.movieIds;
  const truth = model.zScoresOf(
    server.map((m) => m.truth),
    ids,
  );
  const rated = server.map((m) => new Set([...m.profile.likes, ...(m.profile.dislikes ?? []), ...(m.profile.seen ?? [])]));
  const column = new Map(ids.map((id, i) => [id, i]));
  const watched = new Set<number>();
  const recent = new Map<number, number[]>();
  const ranks = server.map((): number[] => []);
  const winners: number[] = [];
  const userIds = server.map((m) => m.userId);
  for (let night = 0; night < opts.nights; night++) {
    const weights = opts.weigh(userIds, recent);
    const attendees: Attendee[] = server.map((m) => ({ userId: m.userId, profile: m.profile, weight: weights?.get(m.userId) ?? 1 }));
    const list = nightShortlist(model, attendees, opts.candidates, watched);
    const approvals = list.map(() => 0);
    server.forEach((m, s) => {
      const own = list.map((c) => truth[s]![column.get(c.movieId)!]!);
      const median = [...own].sort((a, b) => a - b)[Math.floor(own.length / 2)]!;
      list.forEach((c, i) => {
        const rating = m.heldOut.get(c.movieId);
        if (rating !== undefined ? rating >= POSITIVE_MIN : own[i]! > median) approvals[i]!++;
      });
    });
    const best = list.reduce((b, c, i) => (approvals[i]! > approvals[b]! || (approvals[i] === approvals[b] && c.groupScore > list[b]!.groupScore) ? i : b), 0);
    const winner = list[best]!.movieId;
    for (const { userId, loss } of nightLosses(
      model,
      attendees,
      list.map((c) => c.movieId),
      winner,
    )) {
      recent.set(userId, [loss, ...(recent.get(userId) ?? [])].slice(0, FAIRNESS_WINDOW));
    }
    server.forEach((_, s) => {
      const score = truth[s]![column.get(winner)!]!;
      let rank = 1;
      ids.forEach((id, i) => {
        if (id !== winner && !rated[s]!.has(id) && !watched.has(id) && truth[s]![i]! > score) rank++;
      });
      ranks[s]!.push(rank);
    });
    watched.add(winner);
    winners.push(winner);
  }
  return { ranks, winners };
}
