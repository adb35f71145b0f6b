import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import {
  formatWhen,
  goingUserIds,
  movieLabel,
  voteCounts,
  type Candidate,
  type Movie,
  type NightResult,
  type NightState,
  type NightSummary,
} from '../../core/index.ts';
import { nightRsvp } from './night-callbacks.ts';

/** What the night's message is drawn from: the state, a name per user id, the films. */
export interface NightView {
  state: NightState;
  name: (userId: number) => string;
  movie: (movieId: number) => Movie | undefined;
}

/** Telegram's message limit. */
const MAX_TEXT = 4096;
/** People named in one list; the rest are counted. */
const NAMED = 30;
/** A poll option's limit. */
const OPTION_MAX = 100;
const SHORTLIST_FROM = 2;

/** Names, at most NAMED of them: "ann, bob and 3 more". */
export function names(ids: readonly number[], name: (userId: number) => string): string {
  const shown = ids.slice(0, NAMED).map(name);
  if (ids.length > NAMED) return `${shown.join(', ')} and ${ids.length - NAMED} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

const label = (view: NightView, movieId: number) => {
  const movie = view.movie(movieId);
  return movie ? movieLabel(movie) : `film #${movieId}`;
};

/** One line of why a film is on the list: who nominated it, or what the model picked it for. */
export function whyLine(view: NightView, candidate: Candidate): string {
  if (candidate.carriedOver) return `back from last night${candidate.nominatedBy === null ? '' : `, nominated by ${view.name(candidate.nominatedBy)}`}`;
  if (candidate.nominatedBy !== null) return `nominated by ${view.name(candidate.nominatedBy)}`;
  const picks = view.state.candidates.filter((c) => c.nominatedBy === null);
  const best = Math.max(...picks.map((c) => c.groupScore));
  const genres = (view.movie(candidate.movieId)?.genres ?? []).slice(0, 3).join(', ');
  const fit = candidate.groupScore === best ? 'the best match for everyone in' : 'a match for everyone in';
  return genres ? `${genres} · ${fit}` : fit;
}

/** The fairness note: who the list leans towards, and why. */
export function fairnessNote(favoured: readonly number[], name: (userId: number) => string): string | null {
  return favoured.length === 0 ? null : `⚖️ Picked mostly for ${names(favoured, name)}, who lost the recent nights.`;
}

function shortlistLines(view: NightView): string[] {
  const { state } = view;
  const counts = new Map(voteCounts(state).map((c) => [c.movieId, c.votes]));
  const showVotes = state.night.status !== 'open';
  return state.candidates.map((c, i) => {
    const votes = showVotes ? ` — ${counts.get(c.movieId)} ${counts.get(c.movieId) === 1 ? 'vote' : 'votes'}` : '';
    return `${i + 1}. ${label(view, c.movieId)}${votes}\n    ${whyLine(view, c)}`;
  });
}

function statusLines(view: NightView): string[] {
  const { night, candidates } = view.state;
  const going = goingUserIds(view.state).length;
  switch (night.status) {
    case 'open':
      if (going < SHORTLIST_FROM) return [`The shortlist shows once ${SHORTLIST_FROM} people are in.`, 'Add a film: /nominate <title>'];
      if (candidates.length === 0) return ['The shortlist is being made…'];
      return ['Shortlist:', ...shortlistLines(view), 'Add a film: /nominate <title> · Start the vote: /movienight vote'];
    case 'voting':
      return [night.pollId ? 'The vote is on: answer the poll below.' : 'The vote is starting…', ...shortlistLines(view)];
    case 'closed':
      return [`🏆 We're watching ${label(view, night.winnerMovieId!)}.`];
    case 'done':
      return [`🍿 Watched: ${label(view, night.winnerMovieId!)}.`];
    default:
      return ['This movie night was called off.'];
  }
}

/** The night's public message: when, who is in, the shortlist with one line of why each, and the fairness note. */
export function nightText(view: NightView): string {
  const { state } = view;
  const { night } = state;
  const going = goingUserIds(state);
  const out = state.rsvps.filter((r) => !r.going).map((r) => r.userId);
  const lines = [`🎬 Movie night — ${formatWhen(night.startsAt, night.timeZone)}`, `Host: ${view.name(night.hostUserId)}`, ''];
  lines.push(going.length ? `✅ In (${going.length}): ${names(going, view.name)}` : '✅ Nobody is in yet.');
  if (out.length) lines.push(`❌ Can't make it: ${names(out, view.name)}`);
  lines.push('', ...statusLines(view));
  const note = night.status === 'open' || night.status === 'voting' ? fairnessNote(night.favoured, view.name) : null;
  if (note && state.candidates.length) lines.push(note);
  const text = lines.join('\n');
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** "I'm in" / "Can't make it" until the night is done. */
export function nightKeyboard(state: NightState): InlineKeyboardMarkup | undefined {
  if (!['open', 'voting', 'closed'].includes(state.night.status)) return undefined;
  const id = state.night.id;
  return Markup.inlineKeyboard([
    Markup.button.callback("🙋 I'm in", nightRsvp.data({ going: true, nightId: id })),
    Markup.button.callback("Can't make it", nightRsvp.data({ going: false, nightId: id })),
  ]).reply_markup;
}

/** The native poll's question (≤ 300 characters). */
export const pollQuestion = (state: NightState) => `Movie night ${formatWhen(state.night.startsAt, state.night.timeZone)} — what shall we watch?`.slice(0, 300);

/** The poll's options, in list order ("Title (Year)", ≤ 100 characters), unique as Telegram requires. */
export function pollOptions(view: NightView): string[] {
  const seen = new Set<string>();
  return view.state.candidates.map((c, i) => {
    const movie = view.movie(c.movieId);
    let text = movie ? movieLabel(movie, OPTION_MAX) : `Film #${c.movieId}`;
    if (seen.has(text)) text = `${text.slice(0, OPTION_MAX - 5)} [${i + 1}]`;
    seen.add(text);
    return text;
  });
}

/** The result, posted (and pinned) when the vote closes. */
export function winnerText(result: NightResult, name: (userId: number) => string): string {
  const { night } = result.state;
  const lines = [`🏆 Movie night: we're watching ${movieLabel(result.winner)}!`, result.why, formatWhen(night.startsAt, night.timeZone)];
  const note = fairnessNote(result.favouredFor, name);
  if (note) lines.push(note);
  return lines.join('\n');
}

/** "How was it?", after the film. */
export const howWasItText = (movie: Movie) => `How was ${movieLabel(movie)}? Tap 👍 or 👎 — it counts for everyone who was in.`;

/** /movienight history. */
export function historyText(past: readonly { summary: NightSummary; movie: Movie }[]): string {
  if (past.length === 0) return 'No movie nights here yet. Start one: /movienight fri 21:00';
  const lines = past.map(
    ({ summary: s, movie }) =>
      `• ${formatWhen(s.startsAt, s.timeZone)} — ${movieLabel(movie)}: ${s.attendees} in, ${s.votes} voted, 👍 ${s.liked} · 👎 ${s.disliked}`,
  );
  return ['🎞 Past movie nights:', ...lines].join('\n').slice(0, MAX_TEXT);
}
