/**
 * The discord.js client as the movie nights see it (night-actions.ts's
 * NightSide), recording every REST call the way Discord would receive it:
 * route and JSON body. A test can make a route fail with Discord's error
 * (e.g. code 50013 for a missing permission) and give channels their types.
 */
import type { NightSide } from '../night-actions.ts';

export interface RecordedCall {
  method: 'POST' | 'PATCH';
  route: string;
  body: Record<string, unknown>;
}

export interface RecordingSide extends NightSide {
  calls: RecordedCall[];
  /** Channels the client holds (any other id is a text channel of g1 unless `holdsOnly` is set). */
  channels: Map<string, { type: number; guildId: string | null }>;
  holdsOnly: boolean;
  /** The next calls whose route contains `route` fail with this Discord error. */
  fail(route: string, error: { status: number; code: number; message: string }): void;
  /** Calls succeed again. */
  heal(): void;
}

export function recordingSide(): RecordingSide {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { status: number; code: number; message: string }>();
  let next = 1;
  const call = async (method: RecordedCall['method'], route: string, body: unknown) => {
    calls.push({ method, route, body: JSON.parse(JSON.stringify(body)) as Record<string, unknown> });
    const failure = [...failures].find(([part]) => route.includes(part))?.[1];
    if (failure) throw Object.assign(new Error(failure.message), failure);
    return { id: `${method === 'POST' ? 'posted' : 'edited'}-${next++}` };
  };
  const side: RecordingSide = {
    calls,
    channels: new Map(),
    holdsOnly: false,
    fail: (route, error) => void failures.set(route, error),
    heal: () => failures.clear(),
    rest: { post: (route, { body }) => call('POST', route, body), patch: (route, { body }) => call('PATCH', route, body) },
    channel: (id) => side.channels.get(id) ?? (side.holdsOnly ? null : { type: 0, guildId: 'g1' }),
  };
  return side;
}
