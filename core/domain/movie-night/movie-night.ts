import type { Platform } from '../model.ts';

/**
 * A movie night: one per channel at a time. It moves open → voting → closed
 * → done (or cancelled from open/voting):
 * - open: people RSVP; once two are in, the shortlist follows who is in;
 * - voting: the shortlist is fixed (the first vote on Discord, the native
 *   poll sent on Telegram); votes keep arriving;
 * - closed: the winner is chosen (most votes, ties by group score), the
 *   Discord event exists;
 * - done: "how was it?" has been asked; the winner is in the server's watched history.
 */
export const NIGHT_STATUSES = ['open', 'voting', 'closed', 'done', 'cancelled'] as const;
export type NightStatus = (typeof NIGHT_STATUSES)[number];
/** Statuses in which a channel's night is still "the open one" (a second start shows it). */
export const LIVE_STATUSES: readonly NightStatus[] = ['open', 'voting'];

export const MIN_CANDIDATES = 3;
export const MAX_CANDIDATES = 5;
export const DEFAULT_CANDIDATES = 4;
/** Nominations one member may add to one night. */
export const MAX_NOMINATIONS = 2;
/** People in before the shortlist is shown. */
export const SHORTLIST_MIN_PEOPLE = 2;
/** A night's length when the film's runtime is unknown (the Discord event's end). */
export const DEFAULT_NIGHT_MS = 2 * 60 * 60 * 1000;
/** How long before a Telegram night starts its poll is sent, if nobody sent it earlier. */
export const POLL_LEAD_MS = 60 * 60 * 1000;

export type RsvpVia = 'button' | 'event' | 'command';

export interface MovieNight {
  id: number;
  communityId: number;
  platform: Platform;
  /** The text channel (Discord) or group chat (Telegram) the night's message lives in. */
  channelId: string;
  hostUserId: number;
  startsAt: Date;
  /** IANA zone the times are shown in (the server's setting when started). */
  timeZone: string;
  /** Discord voice or stage channel where it happens; null: an external event with `location`. */
  voiceChannelId: string | null;
  location: string | null;
  candidateCount: number;
  status: NightStatus;
  /** The public message people RSVP and vote on (edited in place). */
  messageId: string | null;
  /** Telegram: the native poll, once sent. */
  pollId: string | null;
  pollMessageId: string | null;
  /** Discord: the guild scheduled event made at close. */
  eventId: string | null;
  winnerMovieId: number | null;
  /** Who the shortlist was made for (user ids, ascending); when the people in differ, it is made again while open. */
  shortlistFor: number[];
  /** Members the shortlist leaned towards because their taste lost the recent nights (shown in the message). */
  favoured: number[];
  createdAt: Date;
  closedAt: Date | null;
  doneAt: Date | null;
}

export interface NewMovieNight {
  communityId: number;
  platform: Platform;
  channelId: string;
  hostUserId: number;
  startsAt: Date;
  timeZone: string;
  voiceChannelId: string | null;
  location: string | null;
  candidateCount: number;
}

export interface Rsvp {
  userId: number;
  going: boolean;
  via: RsvpVia;
  at: Date;
}

export interface Candidate {
  movieId: number;
  /** 0-based order on the list (the Telegram poll's option index). */
  position: number;
  /** The member who nominated it; null for a model pick. */
  nominatedBy: number | null;
  /** A nominee that lost an earlier night of this server and came back. */
  carriedOver: boolean;
  /** The group score at shortlist time: breaks ties between equal vote counts. */
  groupScore: number;
}

export interface Vote {
  userId: number;
  movieId: number;
}

/** A night and everything people did on it: what adapters render. */
export interface NightState {
  night: MovieNight;
  rsvps: Rsvp[];
  candidates: Candidate[];
  votes: Vote[];
}

/** A past night, for `/movienight history` and the trends page. */
export interface NightSummary {
  nightId: number;
  startsAt: Date;
  timeZone: string;
  winnerMovieId: number;
  attendees: number;
  votes: number;
  /** 👍 and 👎 from "how was it?". */
  liked: number;
  disliked: number;
}

/** How far the winner was from one attendee's own favourite among the candidates: 0 (their first choice) … 1 (their last). */
export interface NightLoss {
  userId: number;
  loss: number;
}

export function isLive(night: MovieNight): boolean {
  return LIVE_STATUSES.includes(night.status);
}

export function goingUserIds(state: NightState): number[] {
  return state.rsvps
    .filter((r) => r.going)
    .map((r) => r.userId)
    .sort((a, b) => a - b);
}

/** Votes per candidate, in list order. */
export function voteCounts(state: NightState): { movieId: number; votes: number }[] {
  return state.candidates.map((c) => ({ movieId: c.movieId, votes: state.votes.filter((v) => v.movieId === c.movieId).length }));
}
