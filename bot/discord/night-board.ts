import { Routes } from 'discord.js';
import { goingUserIds, nightPeople, refreshShortlist, type Logger, type NightDeps, type NightState } from '../../core/index.ts';
import { EditCoalescer } from '../shared/edit-coalescer.ts';
import { NAMED, nightMessage, type NightMessage, type NightView } from './night-message.ts';

/** Discord lets a channel's message be edited about 5 times in 5 s: one edit per night this often stays inside it. */
export const NIGHT_EDIT_INTERVAL_MS = 1_100;

/** The part of discord.js's REST client the movie nights use (client.rest). */
export interface DiscordRest {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
  patch(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

/** A body for the REST API: the message with mentions that ping nobody. */
export const restBody = (message: NightMessage | { content: string }) => ({ ...message, allowed_mentions: { parse: [] } });

/**
 * Each night's public message, edited in place as people answer, nominate
 * and vote. Edits are coalesced per night (the first at once, then at most
 * one per interval, the last after the last change, so it ends exact), and
 * each reads the night afresh, remaking the shortlist first if the people
 * in changed: a burst of RSVPs remakes it once.
 */
export class NightBoard {
  private readonly coalescer: EditCoalescer<number>;

  constructor(
    private readonly rest: DiscordRest,
    private readonly deps: NightDeps,
    private readonly logger: Logger,
    intervalMs = NIGHT_EDIT_INTERVAL_MS,
  ) {
    this.coalescer = new EditCoalescer(
      intervalMs,
      (nightId) => this.edit(nightId),
      (err, nightId) => logger.warn({ err, nightId }, 'could not edit the movie night message'),
    );
  }

  /** Edits done so far (benches and tests). */
  get edits(): number {
    return this.coalescer.edits;
  }

  /** Something about the night changed: its message is edited soon. */
  touch(nightId: number): void {
    this.coalescer.touch(nightId);
  }

  /** Runs the pending edits now (shutdown, tests). */
  flush(): Promise<void> {
    return this.coalescer.flush();
  }

  /** The night's message as it should read now. */
  async render(state: NightState): Promise<NightMessage> {
    return nightMessage(await this.view(state));
  }

  /** The night with a mention for everyone its message may name (looked up once) and the catalog's films. */
  async view(state: NightState, extra: readonly number[] = []): Promise<NightView> {
    const out = state.rsvps.filter((r) => !r.going).map((r) => r.userId);
    const ids = [
      ...new Set([
        state.night.hostUserId,
        ...goingUserIds(state).slice(0, NAMED),
        ...out.slice(0, NAMED),
        ...state.candidates.flatMap((c) => (c.nominatedBy === null ? [] : [c.nominatedBy])),
        ...state.night.favoured,
        ...extra,
      ]),
    ];
    const people = await nightPeople(this.deps, ids, 'discord');
    // nightPeople leaves out anyone without a Discord identity (they used /forget): zip only when nobody was left out.
    const byId =
      people.length === ids.length
        ? new Map(ids.map((id, n) => [id, people[n]!.platformUserId]))
        : new Map(
            (await Promise.all(ids.map(async (id) => [id, (await nightPeople(this.deps, [id], 'discord'))[0]?.platformUserId] as const))).filter(
              (e): e is readonly [number, string] => e[1] !== undefined,
            ),
          );
    return {
      state,
      mention: (userId) => {
        const discordId = byId.get(userId);
        return discordId ? `<@${discordId}>` : 'someone';
      },
      movie: (movieId) => this.deps.catalog.get(movieId),
    };
  }

  /** Posts a message in a channel (not an interaction reply: the clock has none); its id. */
  async post(channelId: string, message: NightMessage | { content: string }): Promise<string> {
    const sent = (await this.rest.post(Routes.channelMessages(channelId), { body: restBody(message) })) as { id: string };
    return sent.id;
  }

  private async edit(nightId: number): Promise<void> {
    const state = await refreshShortlist(this.deps, nightId);
    if (state.night.messageId === null) return;
    try {
      await this.rest.patch(Routes.channelMessage(state.night.channelId, state.night.messageId), { body: restBody(await this.render(state)) });
    } catch (err) {
      // Someone deleted the message: nothing to keep up to date (a new /movienight start shows the night again).
      if ((err as { code?: number }).code === 10008) return void this.logger.info({ nightId }, 'movie night message is gone');
      throw err;
    }
  }
}
