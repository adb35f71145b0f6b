/**
 * Guild scheduled events for the loopback Discord fake (fake-discord.ts):
 * the REST routes under /guilds/{id}/scheduled-events and the gateway
 * events Discord sends about them. Validation follows Discord's docs
 * (https://discord.com/developers/docs/resources/guild-scheduled-event):
 * a bad body is 400 with the "Invalid Form Body" JSON (code 50035 and the
 * failing field's `_errors`), a bot without Create Events is 403 code 50013.
 */

/** The gateway intent without which none of the GUILD_SCHEDULED_EVENT_* dispatches are sent. */
export const GUILD_SCHEDULED_EVENTS_INTENT = 1 << 16;

export const EventStatus = { Scheduled: 1, Active: 2, Completed: 3, Canceled: 4 } as const;
export const EntityType = { StageInstance: 1, Voice: 2, External: 3 } as const;
/** Channel types an event may live in: 2 GUILD_VOICE for voice events, 13 GUILD_STAGE_VOICE for stage ones. */
const CHANNEL_TYPE_FOR: Record<number, number> = { [EntityType.StageInstance]: 13, [EntityType.Voice]: 2 };
/** Status changes Discord allows through PATCH. */
const NEXT_STATUS: Record<number, number[]> = { 1: [2, 4], 2: [3] };

/** A guild scheduled event object as Discord sends it. */
export interface FakeScheduledEvent {
  id: string;
  guild_id: string;
  channel_id: string | null;
  creator_id: string;
  name: string;
  description: string | null;
  scheduled_start_time: string;
  scheduled_end_time: string | null;
  privacy_level: number;
  status: number;
  entity_type: number;
  entity_id: string | null;
  entity_metadata: { location?: string } | null;
  creator: Record<string, unknown>;
  user_count: number;
  image: string | null;
  recurrence_rule: null;
}

/** What the events need from the fake they live in. */
export interface EventsHost {
  snowflake(): string;
  /** The guild's channel of this id: its type, or undefined when the guild has no such channel. */
  channelType(guildId: string, channelId: string): number | undefined;
  /** Sends a dispatch to the guild's shard if that shard identified with `intent`. */
  dispatchWithIntent(intent: number, t: string, d: { guild_id: string }): void;
  readonly botUser: Record<string, unknown> & { id: string };
}

type Reply = [number, unknown];
type FieldErrors = Record<string, unknown>;

const invalid = (errors: FieldErrors): Reply => [400, { message: 'Invalid Form Body', code: 50035, errors }];
const fieldError = (code: string, message: string) => ({ _errors: [{ code, message }] });
const MISSING_PERMISSIONS: Reply = [403, { message: 'Missing Permissions', code: 50013 }];
const UNKNOWN_EVENT: Reply = [404, { message: 'Unknown Guild Scheduled Event', code: 10070 }];

export class FakeScheduledEvents {
  /** Every event by id, in creation order. */
  readonly events = new Map<string, FakeScheduledEvent>();
  /** Who pressed "Interested", by event id. */
  private readonly interested = new Map<string, Set<string>>();
  /** Guilds where the bot lacks the Create Events / Manage Events permission. */
  readonly withoutPermission = new Set<string>();

  constructor(private readonly host: EventsHost) {}

  /** The guild's events, for GUILD_CREATE's `guild_scheduled_events`. */
  inGuild(guildId: string): FakeScheduledEvent[] {
    return [...this.events.values()].filter((e) => e.guild_id === guildId && e.status <= EventStatus.Active);
  }

  /** Answers a REST call under /guilds/{id}/scheduled-events, or returns null for any other path. */
  route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): Reply | null {
    const match = /^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?(\/users)?$/.exec(path);
    if (!match) return null;
    const [, guildId, eventId, users] = match as unknown as [string, string, string | undefined, string | undefined];
    if (!eventId) {
      if (method === 'POST') return this.create(guildId, body);
      return [200, this.inGuild(guildId).map((e) => this.shown(e, query))];
    }
    const event = this.events.get(eventId);
    if (!event || event.guild_id !== guildId) return UNKNOWN_EVENT;
    if (users) return [200, this.users(event, query)];
    if (method === 'PATCH') return this.modify(event, body);
    if (method === 'DELETE') {
      if (this.withoutPermission.has(guildId)) return MISSING_PERMISSIONS;
      this.events.delete(eventId);
      this.host.dispatchWithIntent(GUILD_SCHEDULED_EVENTS_INTENT, 'GUILD_SCHEDULED_EVENT_DELETE', event);
      return [204, undefined];
    }
    return [200, this.shown(event, query)];
  }

  /** A member presses "Interested" on the event (or takes it back): Discord's GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE. */
  setInterested(eventId: string, userId: string, interested = true): void {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`no scheduled event ${eventId}`);
    const who = this.interested.get(eventId)!;
    if (interested === who.has(userId)) return;
    if (interested) who.add(userId);
    else who.delete(userId);
    event.user_count = who.size;
    const payload = { guild_scheduled_event_id: eventId, user_id: userId, guild_id: event.guild_id };
    this.host.dispatchWithIntent(GUILD_SCHEDULED_EVENTS_INTENT, interested ? 'GUILD_SCHEDULED_EVENT_USER_ADD' : 'GUILD_SCHEDULED_EVENT_USER_REMOVE', payload);
  }

  /** A moderator starts or ends the event in Discord's UI: the status changes and GUILD_SCHEDULED_EVENT_UPDATE is sent. */
  setStatus(eventId: string, status: number): void {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`no scheduled event ${eventId}`);
    event.status = status;
    this.host.dispatchWithIntent(GUILD_SCHEDULED_EVENTS_INTENT, 'GUILD_SCHEDULED_EVENT_UPDATE', event);
  }

  private create(guildId: string, body: Record<string, unknown>): Reply {
    if (this.withoutPermission.has(guildId)) return MISSING_PERMISSIONS;
    const errors = this.validate(guildId, body, true);
    if (errors) return invalid(errors);
    const external = body.entity_type === EntityType.External;
    const event: FakeScheduledEvent = {
      id: this.host.snowflake(),
      guild_id: guildId,
      channel_id: external ? null : String(body.channel_id),
      creator_id: this.host.botUser.id,
      name: String(body.name),
      description: typeof body.description === 'string' ? body.description : null,
      scheduled_start_time: new Date(String(body.scheduled_start_time)).toISOString(),
      scheduled_end_time: typeof body.scheduled_end_time === 'string' ? new Date(body.scheduled_end_time).toISOString() : null,
      privacy_level: Number(body.privacy_level),
      status: EventStatus.Scheduled,
      entity_type: Number(body.entity_type),
      entity_id: null,
      entity_metadata: external ? { location: String((body.entity_metadata as { location: string }).location) } : null,
      creator: this.host.botUser,
      user_count: 0,
      image: null,
      recurrence_rule: null,
    };
    this.events.set(event.id, event);
    this.interested.set(event.id, new Set());
    this.host.dispatchWithIntent(GUILD_SCHEDULED_EVENTS_INTENT, 'GUILD_SCHEDULED_EVENT_CREATE', event);
    return [200, event];
  }

  private modify(event: FakeScheduledEvent, body: Record<string, unknown>): Reply {
    if (this.withoutPermission.has(event.guild_id)) return MISSING_PERMISSIONS;
    const merged = { ...event, ...body };
    const errors = this.validate(event.guild_id, merged, false);
    if (errors) return invalid(errors);
    if (body.status !== undefined && body.status !== event.status && !(NEXT_STATUS[event.status] ?? []).includes(Number(body.status))) {
      return invalid({ status: fieldError('GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION', 'Invalid status transition.') });
    }
    for (const key of [
      'name',
      'description',
      'scheduled_start_time',
      'scheduled_end_time',
      'channel_id',
      'entity_type',
      'entity_metadata',
      'status',
    ] as const) {
      if (key in body) (event as unknown as Record<string, unknown>)[key] = body[key];
    }
    this.host.dispatchWithIntent(GUILD_SCHEDULED_EVENTS_INTENT, 'GUILD_SCHEDULED_EVENT_UPDATE', event);
    return [200, event];
  }

  /** Discord's checks of a create (or of a patched event as a whole); null when it passes. */
  private validate(guildId: string, body: Record<string, unknown>, creating: boolean): FieldErrors | null {
    const errors: FieldErrors = {};
    const required = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
    const name = body.name;
    if (typeof name !== 'string') errors.name = required;
    else if (name.length < 1 || name.length > 100) errors.name = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    if (typeof body.description === 'string' && body.description.length > 1000) {
      errors.description = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 1000 or fewer in length.');
    }
    if (body.privacy_level !== 2) errors.privacy_level = fieldError('BASE_TYPE_CHOICES', 'Value must be one of {2}.');
    const start = Date.parse(String(body.scheduled_start_time));
    if (Number.isNaN(start)) errors.scheduled_start_time = required;
    else if (creating && start < Date.now())
      errors.scheduled_start_time = fieldError('GUILD_SCHEDULED_EVENT_SCHEDULE_PAST', 'Cannot schedule event in the past.');
    const end = typeof body.scheduled_end_time === 'string' ? Date.parse(body.scheduled_end_time) : null;
    if (end !== null && (Number.isNaN(end) || end <= start)) {
      errors.scheduled_end_time = fieldError('GUILD_SCHEDULED_EVENT_END_BEFORE_START', 'Cannot schedule event to end before starting.');
    }
    const type = body.entity_type;
    if (type === EntityType.External) {
      const location = (body.entity_metadata as { location?: unknown } | null | undefined)?.location;
      if (typeof location !== 'string' || location.length < 1) errors.entity_metadata = { location: required };
      else if (location.length > 100) errors.entity_metadata = { location: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') };
      if (end === null) errors.scheduled_end_time = required;
      if (body.channel_id !== undefined && body.channel_id !== null) errors.channel_id = fieldError('BASE_TYPE_INVALID', 'External events have no channel.');
    } else if (type === EntityType.StageInstance || type === EntityType.Voice) {
      if (typeof body.channel_id !== 'string') errors.channel_id = required;
      else if (this.host.channelType(guildId, body.channel_id) !== CHANNEL_TYPE_FOR[type]) {
        errors.channel_id = fieldError('CHANNEL_TYPE_INVALID', `Not a ${type === EntityType.Voice ? 'voice' : 'stage'} channel of this server.`);
      }
    } else {
      errors.entity_type = fieldError('BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3}.');
    }
    return Object.keys(errors).length ? errors : null;
  }

  /** The event as GET returns it: `user_count` only when asked for (`with_user_count=true`). */
  private shown(event: FakeScheduledEvent, query: URLSearchParams): Partial<FakeScheduledEvent> {
    if (query.get('with_user_count') === 'true') return event;
    const { user_count: _omitted, ...rest } = event;
    return rest;
  }

  /** GET …/users: subscribers ordered by id, paged by `limit` (≤ 100) and `before`/`after`. */
  private users(event: FakeScheduledEvent, query: URLSearchParams) {
    const limit = Math.min(100, Number(query.get('limit') ?? 100));
    const after = query.get('after');
    const before = query.get('before');
    const ids = [...this.interested.get(event.id)!]
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .filter((id) => (!after || BigInt(id) > BigInt(after)) && (!before || BigInt(id) < BigInt(before)));
    return ids.slice(0, limit).map((id) => ({
      guild_scheduled_event_id: event.id,
      user: { id, username: `m${id}`, discriminator: '0', global_name: null, avatar: null },
    }));
  }
}
