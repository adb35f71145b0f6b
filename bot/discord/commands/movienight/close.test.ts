import { beforeEach, describe, expect, it } from 'vitest';
import { nightState } from '../../../../core/index.ts';
import { isEphemeral, textOf } from '../../testing/fake-interaction.ts';
import { candidatesOf, customIdsOf, edited, movienight, nightDeps, nightWith, press, type NightTestDeps } from '../../testing/night-driver.ts';

let d: NightTestDeps;
beforeEach(async () => {
  d = await nightDeps();
});

const events = () => d.discord.calls.filter((c) => c.route === '/guilds/g1/scheduled-events');

/** A night with u1 (host), u2 and u3 in, u2 and u3 voting for the second film; its id and that film. */
async function votedNight(start = {}) {
  const { nightId } = await nightWith(d, ['u2', 'u3'], start);
  const second = (await candidatesOf(d, nightId))[1]!;
  await press(d, `mv:${nightId}:${second}`, 'u2');
  await press(d, `mv:${nightId}:${second}`, 'u3');
  return { nightId, winner: second };
}

describe('/movienight close', () => {
  it('by the host: posts the winner, why and for whom, and makes one server event in the voice channel', async () => {
    const { nightId, winner } = await votedNight({ channels: { channel: { id: 'v1', type: 2 } } });
    d.discord.channels.set('v1', { type: 2, guildId: 'g1' });
    const i = await movienight(d, 'close');
    const title = `${d.deps.catalog.get(winner)!.title} (2000)`;
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.content!.startsWith(`🏆 **${title}** it is — `)).toBe(true);
    expect(reply.content).toContain('2 of 2 votes');
    expect(reply.content).toMatch(/It is on the server's events: https:\/\/discord.com\/events\/g1\/posted-\d+/);
    const state = await nightState(d.deps, nightId);
    expect(events()).toHaveLength(1);
    expect(events()[0]!.body).toEqual({
      name: title,
      // The in-memory accounts keep no usernames: the people in are counted (the e2e test sees their names).
      description: expect.stringMatching(/^2 of 2 votes; .+\. For the 3 people in\.$/),
      privacy_level: 2,
      scheduled_start_time: state.night.startsAt.toISOString(),
      scheduled_end_time: new Date(state.night.startsAt.getTime() + 2 * 3600_000).toISOString(),
      entity_type: 2,
      channel_id: 'v1',
    });
    expect(state.night).toMatchObject({ status: 'closed', winnerMovieId: winner, eventId: events()[0] && expect.stringMatching(/^posted-/) });

    // The message shows the winner and no vote buttons; RSVPs stay open until the night is done.
    const message = await edited(d);
    expect(textOf(message)).toContain(`🏆 **${title}** won.`);
    expect(customIdsOf(message).some((c) => c.startsWith('mv:'))).toBe(false);
    expect(customIdsOf(message)).toContain(`mn:in:${nightId}`);

    const again = await movienight(d, 'close');
    expect(again.replies[0]!.content).toMatch(/closed already/);
    expect(events()).toHaveLength(1);
  });

  it('a stage channel makes a stage event; no channel makes an external one with the place and an end time', async () => {
    await votedNight({ channels: { channel: { id: 's1', type: 13 } } });
    d.discord.channels.set('s1', { type: 13, guildId: 'g1' });
    await movienight(d, 'close');
    expect(events()[0]!.body).toMatchObject({ entity_type: 1, channel_id: 's1' });

    d = await nightDeps();
    await votedNight({ strings: { when: 'in 3 days', place: "Ann's sofa" } });
    await movienight(d, 'close');
    const body = events()[0]!.body;
    expect(body).toMatchObject({ entity_type: 3, entity_metadata: { location: "Ann's sofa" } });
    expect(body).not.toHaveProperty('channel_id');
    expect(Date.parse(String(body.scheduled_end_time)) - Date.parse(String(body.scheduled_start_time))).toBe(2 * 3600_000);
  });

  it('without the Create Events permission says what is missing, posts the result anyway, and a later close adds the event', async () => {
    const { nightId } = await votedNight();
    d.discord.fail('/scheduled-events', { status: 403, code: 50013, message: 'Missing Permissions' });
    const i = await movienight(d, 'close');
    expect(i.replies[0]!.content).toMatch(/🏆 .* it is/);
    expect(i.replies[0]!.content).toContain("I need the Create Events permission to add it to the server's events");
    expect((await nightState(d.deps, nightId)).night).toMatchObject({ status: 'closed', eventId: null });
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);

    d.discord.heal();
    const later = await movienight(d, 'close');
    expect(later.replies[0]!.content).toMatch(/It is on the server's events/);
    expect((await nightState(d.deps, nightId)).night.eventId).toMatch(/^posted-/);
  });

  it('only the host or a member with Manage Events; with no votes it says so and stays open', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    await expect(movienight(d, 'close', { userId: 'u2' })).rejects.toMatchObject({ code: 'NOT_HOST' });
    await expect(movienight(d, 'close')).rejects.toMatchObject({ code: 'NO_VOTES' });
    expect((await nightState(d.deps, nightId)).night.status).toBe('open');
    const [first] = await candidatesOf(d, nightId);
    await press(d, `mv:${nightId}:${first}`, 'u2');
    const byModerator = await movienight(d, 'close', { userId: 'u3', canManageEvents: true });
    expect(byModerator.replies[0]!.content).toMatch(/it is/);
  });
});

describe('/movienight done and "how was it?"', () => {
  it('asks once, publicly, with 👍/👎; a press by someone who was in is their feedback, others are told why not', async () => {
    const { nightId, winner } = await votedNight();
    await movienight(d, 'close');
    const ask = await movienight(d, 'done');
    expect(ask.replies[0]!.content).toMatch(/^How was .+ \(2000\)\?/);
    expect(customIdsOf(ask.replies[0]!)).toEqual([`mh:u:${nightId}`, `mh:d:${nightId}`]);
    expect((await movienight(d, 'done')).replies[0]!.content).toMatch(/no closed movie night/);

    const liked = await press(d, `mh:u:${nightId}`, 'u2', 'click-1');
    expect(liked.replies[0]!.content).toMatch(/^👍 .* thanks, noted\.$/);
    expect((await press(d, `mh:u:${nightId}`, 'u2', 'click-1')).replies[0]!.content).toBe('Already noted.');
    const userId = (await d.deps.accounts.findUser('discord', 'u2'))!;
    expect(await d.deps.feedback.history(userId)).toContainEqual(expect.objectContaining({ movieId: winner, value: 1, source: 'movienight' }));
    expect((await press(d, `mh:d:${nightId}`, 'u9')).replies[0]!.content).toBe('Only the people who were in can rate the night.');
  });
});
