import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import {
  formatWhen,
  goingUserIds,
  movieLabel,
  SHORTLIST_MIN_PEOPLE,
  voteCounts,
  type Candidate,
  type Movie,
  type NightResult,
  type NightState,
} from '../../core/index.ts';
import { ratingNightId, rsvpId, voteId } from './night-ids.ts';

/** People named in a list; the rest are counted ("and 480 more"). */
export const NAMED = 20;

/** A night as its message shows it: mentions for members (they ping nobody: allowed_mentions parse []), films by id. */
export interface NightView {
  state: NightState;
  mention: (userId: number) => string;
  movie: (movieId: number) => Movie | undefined;
}

/** The message body: raw API JSON, sent as an interaction reply or a REST edit. */
export interface NightMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const label = (view: NightView, movieId: number, max = 100) => {
  const movie = view.movie(movieId);
  return movie ? movieLabel(movie, max) : `film ${movieId}`;
};

/** "a, b and c", the first {@link NAMED} named. */
export function names(view: NightView, userIds: readonly number[]): string {
  const shown = userIds.slice(0, NAMED).map(view.mention);
  if (userIds.length > shown.length) return `${shown.join(', ')} and ${userIds.length - shown.length} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

/** Who the list leans towards, from fairness across nights. */
export function fairnessNote(view: NightView, favoured: readonly number[]): string {
  return `Picked mostly for ${names(view, favoured)}, who lost out at the last nights.`;
}

/** The candidate's one line of why: a nomination, a nominee carried over, or the model's rank for the group. */
function why(view: NightView, c: Candidate, rank: number): string {
  const genres = (view.movie(c.movieId)?.genres ?? []).filter((g) => g !== '(no genres listed)').slice(0, 3);
  const reason =
    c.carriedOver && c.nominatedBy !== null
      ? `↩ carried over from the last night (nominated by ${view.mention(c.nominatedBy)})`
      : c.carriedOver
        ? '↩ carried over from the last night'
        : c.nominatedBy !== null
          ? `nominated by ${view.mention(c.nominatedBy)}`
          : `the group’s #${rank} pick`;
  return [genres.join(', '), reason].filter(Boolean).join(' · ');
}

/** Whether the shortlist is shown: from two people in, and always once voting has started. */
const listShown = (state: NightState) => state.candidates.length > 0 && (state.night.status !== 'open' || goingUserIds(state).length >= SHORTLIST_MIN_PEOPLE);

/**
 * The night's public message: when, where, who is in, then (from two people
 * in) the shortlist with its vote counts and a vote button per film, the
 * fairness note, and once closed the winner. Within Discord's limits: ≤ 5
 * films, ≤ 5 buttons a row, names capped at {@link NAMED}.
 */
export function nightMessage(view: NightView): NightMessage {
  const { state } = view;
  const { night } = state;
  const going = goingUserIds(state);
  const out = state.rsvps.filter((r) => !r.going).map((r) => r.userId);
  const lines = [
    `**Where:** ${night.voiceChannelId ? `<#${night.voiceChannelId}>` : (night.location ?? 'not set')}`,
    `**Host:** ${view.mention(night.hostUserId)}`,
    `**In (${going.length}):** ${going.length ? names(view, going) : 'nobody yet'}`,
    ...(out.length ? [`**Can't make it (${out.length}):** ${names(view, out)}`] : []),
    '',
  ];
  const live = night.status === 'open' || night.status === 'voting';
  const shown = listShown(state);
  if (live && !shown) lines.push(`The shortlist appears once ${SHORTLIST_MIN_PEOPLE} people are in.`);
  if (live && shown) {
    if (night.favoured.length) lines.push(fairnessNote(view, night.favoured));
    lines.push('Vote for every film you would watch (press again to take a vote back). The vote closes at the start time.');
  }
  if (night.winnerMovieId !== null) lines.push(`🏆 **${label(view, night.winnerMovieId)}** won.`);
  if (night.status === 'done') lines.push('Watched. Thanks for coming!');
  if (night.status === 'cancelled') lines.push('Called off: fewer than two people were in.');

  const counts = new Map(voteCounts(state).map((c) => [c.movieId, c.votes]));
  const ranks = new Map(
    state.candidates
      .filter((c) => c.nominatedBy === null && !c.carriedOver)
      .sort((a, b) => b.groupScore - a.groupScore)
      .map((c, n) => [c.movieId, n + 1]),
  );
  const fields = shown
    ? state.candidates.slice(0, 5).map((c, n) => {
        const votes = counts.get(c.movieId) ?? 0;
        const crown = night.winnerMovieId === c.movieId ? ' 🏆' : '';
        return {
          name: `${n + 1}. ${label(view, c.movieId, 200)}${crown} — ${votes} ${votes === 1 ? 'vote' : 'votes'}`.slice(0, 256),
          value: why(view, c, ranks.get(c.movieId) ?? 1).slice(0, 1024) || '—',
        };
      })
    : [];
  const embed: APIEmbed = {
    title: `🎬 Movie night — ${formatWhen(night.startsAt, night.timeZone)}`.slice(0, 256),
    description: lines.join('\n').trim().slice(0, 4096),
    fields,
  };

  const components: NightMessage['components'] = [];
  if (live || night.status === 'closed') {
    components.push(
      row([
        button(rsvpId({ going: true, nightId: night.id }), "I'm in", ButtonStyle.Success),
        button(rsvpId({ going: false, nightId: night.id }), "Can't make it", ButtonStyle.Secondary),
      ]),
    );
  }
  if (live && shown) {
    components.push(
      row(state.candidates.slice(0, 5).map((c, n) => button(voteId({ nightId: night.id, movieId: c.movieId }), `${n + 1}. ${label(view, c.movieId, 40)}`))),
    );
  }
  return { content: '', embeds: [embed], components };
}

/** The result posted when the vote closes: the winner, why, for whom, and what became of the server event. */
export function resultMessage(view: NightView, result: NightResult, eventNote: string): string {
  const { night } = result.state;
  const lines = [
    `🏆 **${label(view, result.winner.id)}** it is — ${formatWhen(night.startsAt, night.timeZone)}.`,
    `${result.why}.`,
    ...(result.favouredFor.length ? [fairnessNote(view, result.favouredFor)] : []),
    eventNote,
  ];
  return lines.filter(Boolean).join('\n').slice(0, 2000);
}

/** "How was <film>?" with 👍/👎 for the people who were in. */
export function howWasItMessage(nightId: number, movie: Movie): NightMessage {
  return {
    content: `How was ${movieLabel(movie)}? If you were in, tell me: it shapes what I pick for you next.`,
    embeds: [],
    components: [
      row([button(ratingNightId({ value: 1, nightId }), '👍', ButtonStyle.Success), button(ratingNightId({ value: -1, nightId }), '👎', ButtonStyle.Danger)]),
    ],
  };
}

function button(
  customId: string,
  text: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger = ButtonStyle.Primary,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: text.slice(0, 80), style };
}

function row(components: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components };
}
