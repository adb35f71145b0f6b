import type { Telegram } from 'telegraf';
import { nightPeople, refreshShortlist, type Logger, type NightDeps, type NightState, type PlatformIdentity } from '../../core/index.ts';
import { EditCoalescer } from '../shared/edit-coalescer.ts';
import { nightKeyboard, nightText, type NightView } from './night-text.ts';

/** Telegram takes about one edit a second per chat; a night's message is edited at most that often. */
export const NIGHT_EDIT_INTERVAL_MS = 1_000;

/** The name a member goes by in the night's messages: their username, or first name. */
const nameOf = (identity: PlatformIdentity | undefined) => identity?.username ?? 'someone';

/**
 * Each night's public message: posted once, then edited in place as people
 * answer, nominate and vote. Edits are coalesced per night, and each one
 * reads the night afresh, remaking the shortlist first if the people in
 * changed (refreshShortlist): a burst of RSVPs remakes it once.
 */
export class NightBoard {
  private readonly coalescer: EditCoalescer<number>;

  constructor(
    private readonly telegram: Telegram,
    private readonly deps: NightDeps,
    logger: Logger,
    intervalMs = NIGHT_EDIT_INTERVAL_MS,
  ) {
    this.coalescer = new EditCoalescer(
      intervalMs,
      (nightId) => this.edit(nightId),
      (err, nightId) => logger.warn({ err, nightId }, 'could not edit the movie night message'),
    );
  }

  /** Edits done so far. */
  get edits(): number {
    return this.coalescer.edits;
  }

  /** Posts the night's message in its group (a fresh copy when asked again) and makes it the one kept up to date. */
  async post(nightId: number, heading?: string): Promise<NightState> {
    const state = await refreshShortlist(this.deps, nightId);
    const text = await this.render(state);
    const sent = await this.telegram.sendMessage(Number(state.night.channelId), heading ? `${heading}\n\n${text}` : text, {
      reply_markup: nightKeyboard(state),
    });
    // The store port records where the message is; no use case wraps this one write.
    await this.deps.nights.setMessage(nightId, String(sent.message_id));
    return state;
  }

  /** Something about the night changed: its message is edited soon. */
  touch(nightId: number): void {
    this.coalescer.touch(nightId);
  }

  /** Runs the pending edits now (shutdown, tests). */
  flush(): Promise<void> {
    return this.coalescer.flush();
  }

  /** The night as its message shows it, names looked up once for everyone on it. */
  async view(state: NightState): Promise<NightView> {
    const ids = [
      ...new Set([
        state.night.hostUserId,
        ...state.rsvps.map((r) => r.userId),
        ...state.candidates.flatMap((c) => (c.nominatedBy === null ? [] : [c.nominatedBy])),
        ...state.night.favoured,
      ]),
    ];
    return { state, name: await this.namer(ids), movie: (id) => this.deps.catalog.get(id) };
  }

  /** A name per user id; people the platform no longer knows (they used /forget) are "someone". */
  async namer(userIds: readonly number[]): Promise<(userId: number) => string> {
    const people = await nightPeople(this.deps, userIds, 'telegram');
    // nightPeople leaves out anyone without a Telegram identity: zip only when nobody was left out.
    const byId =
      people.length === userIds.length
        ? new Map(userIds.map((id, i) => [id, nameOf(people[i])]))
        : new Map(await Promise.all(userIds.map(async (id) => [id, nameOf((await nightPeople(this.deps, [id], 'telegram'))[0])] as const)));
    return (userId) => byId.get(userId) ?? 'someone';
  }

  private async render(state: NightState): Promise<string> {
    return nightText(await this.view(state));
  }

  private async edit(nightId: number): Promise<void> {
    const state = await refreshShortlist(this.deps, nightId);
    if (state.night.messageId === null) return;
    try {
      await this.telegram.editMessageText(Number(state.night.channelId), Number(state.night.messageId), undefined, await this.render(state), {
        reply_markup: nightKeyboard(state),
      });
    } catch (err) {
      // Two changes that cancel out leave the message as it was: nothing to do.
      if (!/message is not modified/.test((err as { description?: string }).description ?? '')) throw err;
    }
  }
}
