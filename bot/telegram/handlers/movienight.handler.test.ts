import { beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_APOLOGY } from '../../testing/bot-deps.ts';
import { nightSetup } from '../testing/night-setup.ts';
import { callbackData, GROUP_CHAT } from '../testing/telegram-harness.ts';
import { IN_GROUPS_ONLY, NO_LIVE_NIGHT } from './movienight.handler.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
beforeEach(async () => {
  s = await nightSetup();
});

/** Ann and Bob in, the poll out: its id and the options' order. */
async function pollOut() {
  await s.twoIn();
  await s.inGroup('/movienight vote');
  const night = (await s.d.deps.nights.state(1))!.night;
  return { pollId: night.pollId!, poll: s.tg.sent('sendPoll')[0]! };
}

describe('/movienight <when>', () => {
  it('posts one public message: when (with the zone), the host in, and I’m in / Can’t make it buttons within 64 bytes', async () => {
    await s.inGroup('/movienight fri 21:00');
    const [post] = s.tg.sent('sendMessage');
    expect(post!.chat_id).toBe(GROUP_CHAT.id);
    expect(post!.text).toMatch(/^🎬 Movie night — Fri 11 Dec, 21:00 \(UTC\)\nHost: ann\n\n✅ In \(1\): ann\n/);
    expect(post!.text).toContain('The shortlist shows once 2 people are in.');
    const data = callbackData(post!.reply_markup);
    expect(data).toEqual(['mn:in:1', 'mn:out:1']);
    for (const x of data) expect(Buffer.byteLength(x)).toBeLessThanOrEqual(64);
    // The message is the one kept up to date.
    const sent = s.tg.calls.find((c) => c.method === 'sendMessage')!.result as { message_id: number };
    expect((await s.d.deps.nights.state(1))!.night.messageId).toBe(String(sent.message_id));
  });

  it('a second start shows the live night instead of opening another', async () => {
    await s.inGroup('/movienight fri 21:00');
    await s.inGroup('/movienight sat 20:00', s.users.BOB);
    expect(s.lastTexts()[0]).toMatch(/^There is a movie night planned here already:\n\n🎬 Movie night — Fri 11 Dec/);
    expect(s.d.deps.nights.nights.size).toBe(1);
    // The fresh copy is the one edited from now on.
    const copy = s.tg.calls.filter((c) => c.method === 'sendMessage').at(-1)!.result as { message_id: number };
    expect((await s.d.deps.nights.state(1))!.night.messageId).toBe(String(copy.message_id));
  });

  it('an unreadable or past time gets a clear message with an example, and opens nothing', async () => {
    await s.inGroup('/movienight whenever you like');
    await s.inGroup('/movienight 2020-01-01 20:00');
    expect(s.lastTexts(2)).toEqual([
      'I can\'t read that time; try something like "fri 21:00".',
      'That time has already passed; try something like "fri 21:00".',
    ]);
    expect(s.d.deps.nights.nights.size).toBe(0);
    expect(s.d.logger.lines).toEqual([]);
  });

  it('in a private chat, says movie nights happen in groups', async () => {
    await s.tg.message('/movienight fri 21:00');
    await s.tg.message('/nominate heat');
    expect(s.lastTexts(2)).toEqual([IN_GROUPS_ONLY, IN_GROUPS_ONLY]);
  });

  it('without a time shows the live night, or how to start one', async () => {
    await s.inGroup('/movienight');
    expect(s.lastTexts()[0]).toMatch(new RegExp(`^${NO_LIVE_NIGHT}\n\n/movienight <when>`));
    await s.inGroup('/movienight fri 21:00');
    await s.inGroup('/movienight');
    expect(s.lastTexts()[0]).toMatch(/^🎬 Movie night/);
  });
});

describe('/movienight vote', () => {
  it('needs two people in', async () => {
    await s.inGroup('/movienight fri 21:00');
    await s.inGroup('/movienight vote');
    expect(s.lastTexts()[0]).toBe('There is nothing to vote on yet: the list appears once two people are in.');
    expect(s.tg.sent('sendPoll')).toEqual([]);
  });

  it('sends a non-anonymous multiple-answer poll of the list in order, and fixes the list', async () => {
    const state = await s.twoIn();
    const { pollId, poll } = await pollOut();
    expect(poll).toMatchObject({ chat_id: GROUP_CHAT.id, is_anonymous: false, allows_multiple_answers: true });
    expect(poll.question).toBe('Movie night Fri 11 Dec, 21:00 (UTC) — what shall we watch?');
    const titles = state.candidates.map((c) => s.d.deps.catalog.get(c.movieId)!).map((m) => `${m.title} (${m.year})`);
    expect(poll.options).toEqual(titles);
    for (const o of poll.options as string[]) expect(o.length).toBeLessThanOrEqual(100);
    expect(pollId).toMatch(/^\d+$/);
    expect((await s.d.deps.nights.state(1))!.night.status).toBe('voting');
    expect((await s.message())!.text).toContain('The vote is on: answer the poll below.');
    // A second vote sends nothing; a nomination is refused.
    await s.inGroup('/movienight vote', s.users.BOB);
    await s.inGroup('/nominate romance 25 2000', s.users.CY);
    expect(s.lastTexts(2)).toEqual(['The poll is already out, so the list is fixed.', 'The poll is already out, so the list is fixed.']);
    expect(s.tg.sent('sendPoll')).toHaveLength(1);
  });

  it('a night fixed for voting whose poll never went out gets it on the next /movienight vote', async () => {
    await s.twoIn();
    const send = s.tg.telegram.sendPoll.bind(s.tg.telegram);
    s.tg.telegram.sendPoll = async () => {
      throw new Error('socket hang up');
    };
    await s.inGroup('/movienight vote');
    expect(s.lastTexts()[0]).toBe(GENERIC_APOLOGY);
    s.tg.telegram.sendPoll = send;
    await s.inGroup('/movienight vote');
    expect(s.tg.sent('sendPoll')).toHaveLength(1);
    expect((await s.d.deps.nights.state(1))!.night.pollId).not.toBeNull();
  });
});

describe('/movienight close', () => {
  it('is the host’s or an admin’s; stops the poll once, announces the winner by title and pins it', async () => {
    const { pollId, poll } = await pollOut();
    await s.tg.pollAnswer(pollId, [1], s.users.ANN);
    await s.tg.pollAnswer(pollId, [1, 2], s.users.BOB);
    await s.inGroup('/movienight close', s.users.CY);
    expect(s.lastTexts()[0]).toBe('Only the host, or a group admin, can close the vote.');
    s.tg.rights.admins.push(s.users.CY.id);
    await s.inGroup('/movienight close', s.users.CY);
    expect(s.tg.sent('stopPoll')).toEqual([expect.objectContaining({ chat_id: GROUP_CHAT.id })]);
    const winner = (poll.options as string[])[1]!;
    const announcement = s.tg.sent('sendMessage').find((m) => String(m.text).startsWith('🏆'))!;
    expect(announcement.text).toMatch(new RegExp(`^🏆 Movie night: we're watching ${winner.replace(/[()]/g, '\\$&')}!\n2 of 2 votes; `));
    const sent = s.tg.calls.find((c) => c.method === 'sendMessage' && c.payload === announcement)!.result as { message_id: number };
    expect(s.tg.sent('pinChatMessage')).toEqual([expect.objectContaining({ chat_id: GROUP_CHAT.id, message_id: sent.message_id })]);
    expect((await s.message())!.text).toContain(`🏆 We're watching ${winner}.`);
    // Closed: a second close finds no live night, and stops nothing.
    await s.inGroup('/movienight close');
    expect(s.lastTexts()[0]).toBe(NO_LIVE_NIGHT);
    expect(s.tg.sent('stopPoll')).toHaveLength(1);
  });

  it('with no votes says so and keeps the night open', async () => {
    await pollOut();
    await s.inGroup('/movienight close');
    expect(s.lastTexts()[0]).toMatch(/^Nobody has voted yet, so the night stays open/);
    expect((await s.d.deps.nights.state(1))!.night.status).toBe('voting');
    expect(s.tg.sent('stopPoll')).toEqual([]);
  });

  it('without the right to pin, posts the result anyway and says what is missing', async () => {
    const { pollId } = await pollOut();
    await s.tg.pollAnswer(pollId, [0], s.users.BOB);
    s.tg.rights.botCanPin = false;
    await s.inGroup('/movienight close');
    expect(s.lastTexts(2)[0]).toMatch(/^🏆 Movie night: we're watching/);
    expect(s.lastTexts()[0]).toBe('I could not pin the result: I am not an admin of this group. Make me one with the right to pin messages.');
  });
});

describe('/movienight done, history, timezone', () => {
  async function closed() {
    const { pollId, poll } = await pollOut();
    await s.tg.pollAnswer(pollId, [0], s.users.BOB);
    await s.inGroup('/movienight close');
    return (poll.options as string[])[0]!;
  }

  it('done asks "How was <film>?" with 👍/👎 once; the night’s message drops its buttons', async () => {
    const winner = await closed();
    await s.inGroup('/movienight done', s.users.BOB);
    const [ask] = s.tg.sent('sendMessage').filter((m) => String(m.text).startsWith('How was'));
    expect(ask!.text).toBe(`How was ${winner}? Tap 👍 or 👎 — it counts for everyone who was in.`);
    expect(callbackData(ask!.reply_markup)).toEqual(['mh:u:1', 'mh:d:1']);
    const message = (await s.message())!;
    expect(message.text).toContain(`🍿 Watched: ${winner}.`);
    expect(message.reply_markup).toBeUndefined();
    await s.inGroup('/movienight done');
    expect(s.lastTexts()[0]).toBe('No movie night here is waiting for "how was it?". Close the vote first: /movienight close');
  });

  it('history lists past nights with their film and counts', async () => {
    await s.inGroup('/movienight history');
    expect(s.lastTexts()[0]).toBe('No movie nights here yet. Start one: /movienight fri 21:00');
    const winner = await closed();
    await s.inGroup('/movienight done');
    await s.press('mh:u:1', s.users.BOB);
    await s.inGroup('/movienight history');
    expect(s.lastTexts()[0]).toBe(`🎞 Past movie nights:\n• Fri 11 Dec, 21:00 (UTC) — ${winner}: 2 in, 1 voted, 👍 1 · 👎 0`);
  });

  it('timezone shows the zone; only an admin changes it, to a real IANA name', async () => {
    await s.inGroup('/movienight timezone');
    expect(s.lastTexts()[0]).toBe('Movie nights here are in UTC. An admin can change it: /movienight timezone Europe/Berlin');
    await s.inGroup('/movienight timezone Europe/Berlin');
    expect(s.lastTexts()[0]).toBe('Only a group admin can change the time zone.');
    s.tg.rights.admins.push(s.users.ANN.id);
    await s.inGroup('/movienight timezone Mars/Olympus');
    expect(s.lastTexts()[0]).toBe('That is not a time zone name; try something like Europe/Berlin.');
    await s.inGroup('/movienight timezone europe/berlin');
    expect(s.lastTexts()[0]).toBe('Movie nights here are now in Europe/Berlin.');
    await s.inGroup('/movienight fri 21:00');
    expect(s.lastTexts()[0]).toMatch(/^🎬 Movie night — Fri 11 Dec, 21:00 \(Europe\/Berlin\)/);
  });
});
