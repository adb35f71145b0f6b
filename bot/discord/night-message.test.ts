import { describe, expect, it } from 'vitest';
import type { Movie, NightState } from '../../core/index.ts';
import { howWasItMessage, nightMessage, type NightView } from './night-message.ts';

const movie = (id: number): Movie => ({ id, title: `Film ${id}`, year: 1990 + id, genres: ['Drama', 'Comedy', 'Crime', 'War'], imdbId: null, tmdbId: null });

function view(patch: Partial<NightState['night']> = {}, more: Partial<NightState> = {}): NightView {
  const state: NightState = {
    night: {
      id: 7,
      communityId: 1,
      platform: 'discord',
      channelId: 'c1',
      hostUserId: 1,
      startsAt: new Date('2026-12-11T20:00:00Z'),
      timeZone: 'Europe/Berlin',
      voiceChannelId: null,
      location: "Ann's sofa",
      candidateCount: 4,
      status: 'open',
      messageId: 'm1',
      pollId: null,
      pollMessageId: null,
      eventId: null,
      winnerMovieId: null,
      shortlistFor: [1, 2],
      favoured: [],
      createdAt: new Date(),
      closedAt: null,
      doneAt: null,
      ...patch,
    },
    rsvps: [1, 2].map((userId) => ({ userId, going: true, via: 'button' as const, at: new Date() })),
    candidates: [
      { movieId: 11, position: 0, nominatedBy: null, carriedOver: false, groupScore: 0.5 },
      { movieId: 12, position: 1, nominatedBy: null, carriedOver: false, groupScore: 0.9 },
      { movieId: 13, position: 2, nominatedBy: 2, carriedOver: true, groupScore: 0.1 },
      { movieId: 14, position: 3, nominatedBy: 1, carriedOver: false, groupScore: 0.2 },
    ],
    votes: [
      { userId: 1, movieId: 12 },
      { userId: 2, movieId: 12 },
      { userId: 2, movieId: 13 },
    ],
    ...more,
  };
  return { state, mention: (id) => `<@d${id}>`, movie };
}

describe('the movie night message', () => {
  it('shows each film with year, its vote count and one line of why: the model’s rank, a nomination, a nominee carried over', () => {
    const { embeds, components } = nightMessage(view());
    expect(embeds[0]!.title).toBe('🎬 Movie night — Fri 11 Dec, 21:00 (Europe/Berlin)');
    expect(embeds[0]!.description).toContain("**Where:** Ann's sofa");
    expect(embeds[0]!.fields).toEqual([
      { name: '1. Film 11 (2001) — 0 votes', value: 'Drama, Comedy, Crime · the group’s #2 pick' },
      { name: '2. Film 12 (2002) — 2 votes', value: 'Drama, Comedy, Crime · the group’s #1 pick' },
      { name: '3. Film 13 (2003) — 1 vote', value: 'Drama, Comedy, Crime · ↩ carried over from the last night (nominated by <@d2>)' },
      { name: '4. Film 14 (2004) — 0 votes', value: 'Drama, Comedy, Crime · nominated by <@d1>' },
    ]);
    expect(components[1]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['mv:7:11', 'mv:7:12', 'mv:7:13', 'mv:7:14']);
  });

  it('says whom the list leans towards, from fairness across nights', () => {
    expect(nightMessage(view({ favoured: [2, 3] })).embeds[0]!.description).toContain('Picked mostly for <@d2> and <@d3>, who lost out at the last nights.');
  });

  it('names at most 20 people and counts the rest, within Discord’s limits', () => {
    const rsvps = Array.from({ length: 500 }, (_, n) => ({ userId: n + 1, going: true, via: 'button' as const, at: new Date() }));
    const { embeds, components } = nightMessage(view({}, { rsvps }));
    expect(embeds[0]!.description).toMatch(/\*\*In \(500\):\*\* (<@d\d+>, ){19}<@d20> and 480 more/);
    expect(embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
    expect(components.length).toBeLessThanOrEqual(5);
    for (const row of components) expect(row.components.length).toBeLessThanOrEqual(5);
  });

  it('hides the list until two are in, and the vote buttons once closed; a called-off night says so', () => {
    const alone = nightMessage(view({}, { rsvps: [{ userId: 1, going: true, via: 'command', at: new Date() }] }));
    expect(alone.embeds[0]!.fields).toEqual([]);
    expect(alone.embeds[0]!.description).toContain('The shortlist appears once 2 people are in.');
    const closed = nightMessage(view({ status: 'closed', winnerMovieId: 12 }));
    expect(closed.embeds[0]!.description).toContain('🏆 **Film 12 (2002)** won.');
    expect(closed.embeds[0]!.fields![1]!.name).toBe('2. Film 12 (2002) 🏆 — 2 votes');
    expect(closed.components).toHaveLength(1);
    const off = nightMessage(view({ status: 'cancelled' }, { rsvps: [] }));
    expect(off.embeds[0]!.description).toContain('Called off');
    expect(off.components).toEqual([]);
  });

  it('asks how it was with 👍/👎 for the night', () => {
    const ask = howWasItMessage(7, movie(12));
    expect(ask.content).toMatch(/^How was Film 12 \(2002\)\?/);
    expect(ask.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['mh:u:7', 'mh:d:7']);
  });
});
