import { beforeEach, describe, expect, it } from 'vitest';
import { nightState } from '../../../core/index.ts';
import { candidatesOf, movienight, nightDeps, nightWith, press, type NightTestDeps } from '../testing/night-driver.ts';
import { onEventUpdate } from './night-event-end.listener.ts';
import { onEventInterest } from './night-interest.listener.ts';

let d: NightTestDeps;
let nightId: number;
let eventId: string;
beforeEach(async () => {
  d = await nightDeps();
  ({ nightId } = await nightWith(d, ['u2']));
  await press(d, `mv:${nightId}:${(await candidatesOf(d, nightId))[0]}`, 'u2');
  await movienight(d, 'close');
  eventId = (await nightState(d.deps, nightId)).night.eventId!;
});

const user = (id: string, bot = false) => ({ id, username: id, bot }) as never;
const event = (id: string, status = 1) => ({ id, status }) as never;

describe('the server event of a movie night', () => {
  it('"Interested" makes a member in, taking it back out; other events and bots change nothing', async () => {
    await onEventInterest(event(eventId), user('u4'), true, d);
    const userId = (await d.deps.accounts.findUser('discord', 'u4'))!;
    expect((await nightState(d.deps, nightId)).rsvps).toContainEqual(expect.objectContaining({ userId, going: true, via: 'event' }));
    await onEventInterest(event(eventId), user('u4'), false, d);
    expect((await nightState(d.deps, nightId)).rsvps).toContainEqual(expect.objectContaining({ userId, going: false }));
    const before = (await nightState(d.deps, nightId)).rsvps.length;
    await onEventInterest(event('other-event'), user('u5'), true, d);
    await onEventInterest(event(eventId), user('bot', true), true, d);
    expect((await nightState(d.deps, nightId)).rsvps).toHaveLength(before);
  });

  it('ending asks "How was <film>?" in the night’s channel, once', async () => {
    await onEventUpdate(event(eventId, 2), event(eventId, 3), d);
    await onEventUpdate(event(eventId, 2), event(eventId, 3), d);
    const asked = d.discord.calls.filter((c) => c.route === '/channels/c1/messages' && String(c.body.content).startsWith('How was'));
    expect(asked).toHaveLength(1);
    expect((await nightState(d.deps, nightId)).night.status).toBe('done');
    // Interest after the night is done changes nothing and logs nothing.
    await onEventInterest(event(eventId), user('u6'), true, d);
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
