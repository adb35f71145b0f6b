import { Routes } from 'discord.js';
import {
  closeMovieNight,
  DEFAULT_NIGHT_MS,
  eventCreated,
  finishMovieNight,
  goingUserIds,
  movieLabel,
  nightPeople,
  type CloseRequest,
  type Logger,
  type NightDeps,
  type NightResult,
} from '../../core/index.ts';
import { NightBoard, type DiscordRest } from './night-board.ts';
import { howWasItMessage, resultMessage, type NightMessage } from './night-message.ts';

/** What the movie nights need from the discord.js client: its REST client and the channels it holds. */
export interface NightSide {
  rest: DiscordRest;
  /** A channel of a guild this client is in (cached from the gateway): its type and guild; null for any other. */
  channel(channelId: string): { type: number; guildId: string | null } | null;
}

/** Discord's codes and types the events use. */
const MISSING_PERMISSIONS = 50013;
const STAGE_CHANNEL = 13;
const EntityType = { StageInstance: 1, Voice: 2, External: 3 } as const;
const GUILD_ONLY = 2;
/** An event must start in the future: a night closed at its start time gets an event starting this soon. */
const EVENT_LEAD_MS = 60_000;
/** People named in an event's description. */
const FOR_WHOM = 30;

/**
 * What a movie night does on Discord, whoever sets it off (a command, a
 * button, the gateway or the clock): close the vote and make the server's
 * scheduled event, ask how it was. The use cases decide whether each
 * happens (one caller wins each transition); these do the Discord side.
 */
export class DiscordNights {
  readonly board: NightBoard;
  /** Closes of one night run one after the other, so its event is made once. */
  private readonly closing = new Map<number, Promise<unknown>>();

  constructor(
    readonly side: NightSide,
    readonly deps: NightDeps,
    private readonly logger: Logger,
    editIntervalMs?: number,
  ) {
    this.board = new NightBoard(side.rest, deps, logger, editIntervalMs);
  }

  /** Whether this client holds the channel (its guild is on one of this process's shards). */
  holds(channelId: string): boolean {
    return this.side.channel(channelId) !== null;
  }

  /**
   * Closes the vote (closeMovieNight decides who may, and the winner) and,
   * the first time, adds the night to the server's scheduled events. The
   * text to post says who won, why and for whom, and what became of the
   * event; `again` when the night was closed and its event made before.
   */
  async close(nightId: number, request: Omit<CloseRequest, 'nightId'>, guildId: string | null): Promise<{ result: NightResult; text: string; again: boolean }> {
    const previous = this.closing.get(nightId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.closeOnce(nightId, request, guildId));
    this.closing.set(nightId, run);
    try {
      return await run;
    } finally {
      if (this.closing.get(nightId) === run) this.closing.delete(nightId);
    }
  }

  /** closed → done, once: the "How was <film>?" message to post; null when it was asked already. */
  async askHowWasIt(nightId: number): Promise<NightMessage | null> {
    const finished = await finishMovieNight(this.deps, { nightId });
    if (!finished) return null;
    this.board.touch(nightId);
    return howWasItMessage(nightId, finished.movie);
  }

  private async closeOnce(nightId: number, request: Omit<CloseRequest, 'nightId'>, guildId: string | null) {
    const result = await closeMovieNight(this.deps, { ...request, nightId });
    this.board.touch(nightId);
    const again = result.state.night.eventId !== null;
    const note = again ? "It is on the server's events." : guildId ? await this.createEvent(result, guildId) : '';
    const view = await this.board.view(result.state, result.favouredFor);
    return { result, text: resultMessage(view, result, note), again };
  }

  /**
   * The guild scheduled event for the winner: in the night's voice or stage
   * channel, else an external one with its place and an end time. Without
   * the permission it says what is missing; the result is posted either way.
   */
  private async createEvent(result: NightResult, guildId: string): Promise<string> {
    const { night } = result.state;
    const start = new Date(Math.max(night.startsAt.getTime(), Date.now() + EVENT_LEAD_MS));
    const voice = night.voiceChannelId;
    const entityType = voice === null ? EntityType.External : this.side.channel(voice)?.type === STAGE_CHANNEL ? EntityType.StageInstance : EntityType.Voice;
    const body = {
      name: movieLabel(result.winner, 100),
      description: `${result.why}. For ${await this.forWhom(goingUserIds(result.state))}.`.slice(0, 1000),
      privacy_level: GUILD_ONLY,
      scheduled_start_time: start.toISOString(),
      scheduled_end_time: new Date(start.getTime() + DEFAULT_NIGHT_MS).toISOString(),
      entity_type: entityType,
      ...(voice === null ? { entity_metadata: { location: (night.location ?? 'Online').slice(0, 100) } } : { channel_id: voice }),
    };
    try {
      const event = (await this.side.rest.post(Routes.guildScheduledEvents(guildId), { body })) as { id: string };
      await eventCreated(this.deps, night.id, event.id);
      return `It is on the server's events: https://discord.com/events/${guildId}/${event.id}`;
    } catch (err) {
      if ((err as { code?: number }).code === MISSING_PERMISSIONS) {
        return "I need the Create Events permission to add it to the server's events; with it, /movienight close adds it.";
      }
      this.logger.warn({ err, nightId: night.id, guildId }, 'could not create the movie night event');
      return "I could not add it to the server's events this time; /movienight close tries again.";
    }
  }

  /** The people in by name (an event's description shows no mentions); those without a known name are counted. */
  private async forWhom(userIds: number[]): Promise<string> {
    if (userIds.length === 0) return 'the server';
    const people = await nightPeople(this.deps, userIds.slice(0, FOR_WHOM), 'discord');
    const named = people.flatMap((p) => (p.username ? [p.username] : []));
    const rest = userIds.length - named.length;
    if (named.length === 0) return `the ${rest} ${rest === 1 ? 'person' : 'people'} in`;
    if (rest > 0) return `${named.join(', ')} and ${rest} more`;
    return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]!;
  }
}
