import type { Candidate, MovieNight, NewMovieNight, NightLoss, NightState, NightStatus, NightSummary, RsvpVia } from '../movie-night/movie-night.ts';

/**
 * Movie nights, persisted so every button keeps working after a restart and
 * across processes. Every write that a redelivered or concurrent event could
 * repeat is conditional or idempotent: the database decides, not the caller.
 */
export interface MovieNightStore {
  /** Opens a night unless the channel has a live one (open or voting): then that one, with created false. */
  open(night: NewMovieNight): Promise<{ night: MovieNight; created: boolean }>;
  /** The night alone, without what people did on it (what a click checks before it writes); null for an unknown id. */
  night(nightId: number): Promise<MovieNight | null>;
  /** The night with its RSVPs, candidates (in position order) and votes; null for an unknown id. */
  state(nightId: number): Promise<NightState | null>;
  /** The channel's newest night in one of these statuses. */
  latestIn(communityId: number, channelId: string, statuses: readonly NightStatus[]): Promise<MovieNight | null>;
  findByPoll(pollId: string): Promise<MovieNight | null>;
  findByEvent(eventId: string): Promise<MovieNight | null>;
  /** Where the public message (and the Telegram poll) are, once posted. */
  setMessage(nightId: number, messageId: string): Promise<void>;
  setPoll(nightId: number, pollId: string, pollMessageId: string): Promise<void>;
  setEvent(nightId: number, eventId: string): Promise<void>;
  /** True when this changed the person's answer. */
  setRsvp(nightId: number, userId: number, going: boolean, via: RsvpVia): Promise<boolean>;
  /**
   * Replaces the model's picks (nominations stay) while the night is open;
   * false once voting has started (the list is fixed then). A nomination is a
   * candidate with `nominatedBy` set and `carriedOver` false; everything else
   * (model picks and carried-over nominees, which the caller passes again in
   * `picks`) is replaced. The list becomes `picks` in the order given, then
   * the nominations in their order, positions renumbered from 0.
   */
  setShortlist(nightId: number, picks: readonly Candidate[], shortlistFor: readonly number[], favoured: readonly number[]): Promise<boolean>;
  /** Adds a candidate at the end of the list while the night is open or voting; false if it is already on it (or the night is not). */
  addCandidate(nightId: number, candidate: Omit<Candidate, 'position'>): Promise<boolean>;
  /**
   * Toggles one approval vote. `eventKey` (the interaction id) makes a
   * redelivered click count once: it returns applied false and changes
   * nothing. Moves an open night to voting (the list is fixed from the first vote).
   * Only while the night is open or voting: on a later one, applied false.
   */
  toggleVote(nightId: number, userId: number, movieId: number, eventKey: string): Promise<{ applied: boolean; mine: number[] }>;
  /** Replaces a person's votes with these (a Telegram poll answer; empty retracts). */
  replaceVotes(nightId: number, userId: number, movieIds: readonly number[]): Promise<void>;
  /** Moves the night to `to` if it is in one of `from`; false if it was not (someone else got there first). */
  transition(nightId: number, from: readonly NightStatus[], to: NightStatus, patch?: { winnerMovieId?: number }): Promise<boolean>;
  /** Each attendee's loss on a closed night, for fairness next time. */
  recordLosses(nightId: number, losses: readonly NightLoss[]): Promise<void>;
  /** Each of these members' losses on the community's last `nights` closed nights they attended, newest first. */
  recentLosses(communityId: number, userIds: readonly number[], nights: number): Promise<Map<number, number[]>>;
  /** Winners of the community's closed and done nights: never shortlisted again there. */
  watched(communityId: number): Promise<number[]>;
  /**
   * Nominees (nominated there, not themselves carried over) that lost the
   * community's most recently closed night (closed or done, by closedAt), in
   * list order. They stay the answer while the next night is live: its
   * shortlist is remade with them each time.
   */
  losingNominees(communityId: number): Promise<{ movieId: number; nominatedBy: number | null }[]>;
  /** Past nights with a winner, newest first (`votes`: how many people voted). */
  history(communityId: number, limit: number): Promise<NightSummary[]>;
  /**
   * Nights of a platform with something due by `now`: a Telegram poll to send
   * (`toVote`: open, starting within the poll lead time), a vote to close
   * (`toClose`: live at its start time) and "how was it?" to ask (`toFinish`:
   * closed, past its end).
   */
  due(platform: MovieNight['platform'], now: Date): Promise<{ toVote: MovieNight[]; toClose: MovieNight[]; toFinish: MovieNight[] }>;
  /** The community's time zone for movie nights; null when never set. */
  timeZone(communityId: number): Promise<string | null>;
  setTimeZone(communityId: number, timeZone: string): Promise<void>;
}
