import { beforeEach, describe, expect, it } from 'vitest';
import { nightState, setMovieNightTimeZone } from '../../../core/index.ts';
import { isEphemeral, textOf } from '../testing/fake-interaction.ts';
import { candidatesOf, customIdsOf, edited, movienight, nightDeps, nightWith, press, type NightTestDeps } from '../testing/night-driver.ts';

let d: NightTestDeps;
beforeEach(async () => {
  d = await nightDeps();
});

describe('/movienight start', () => {
  it('answers with the public message — when, where, who is in, RSVP buttons — and keeps that message', async () => {
    await setMovieNightTimeZone(d.deps, { platform: 'discord', id: 'g1' }, 'Europe/Berlin');
    const i = await movienight(d, 'start', { strings: { when: 'in 3 days' }, channels: { channel: { id: 'v1', type: 2 } } });
    const reply = i.replies[0]!;
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    const text = textOf(reply);
    expect(text).toMatch(/🎬 Movie night — \w{3} \d{1,2} \w{3}, \d\d:\d\d \(Europe\/Berlin\)/);
    expect(text).toContain('**Where:** <#v1>');
    expect(text).toContain('**In (1):** <@u1>');
    expect(text).toContain('The shortlist appears once 2 people are in.');
    const [inId, outId] = customIdsOf(reply);
    expect(inId).toMatch(/^mn:in:\d+$/);
    expect(outId).toMatch(/^mn:out:\d+$/);
    const nightId = Number(inId!.split(':')[2]);
    expect((await nightState(d.deps, nightId)).night).toMatchObject({ messageId: `reply-${i.id}`, voiceChannelId: 'v1', channelId: 'c1' });
  });

  it('shows the open night on a second start, as a fresh copy that becomes the message kept up to date', async () => {
    const { nightId } = await nightWith(d, []);
    const again = await movienight(d, 'start', { userId: 'u2', strings: { when: 'tomorrow 8pm' } });
    expect(again.replies[0]!.content).toBe('There is a movie night planned here already:');
    expect(customIdsOf(again.replies[0]!)).toContain(`mn:in:${nightId}`);
    expect((await nightState(d.deps, nightId)).night.messageId).toBe(`reply-${again.id}`);
  });

  it('refuses a time it cannot read or one already past, with examples, and plans nothing', async () => {
    await expect(movienight(d, 'start', { strings: { when: 'whenever' } })).rejects.toMatchObject({ code: 'BAD_WHEN' });
    await expect(movienight(d, 'start', { strings: { when: 'yesterday 8pm' } })).rejects.toMatchObject({ code: 'PAST_WHEN' });
    const { DISCORD_USER_ERROR_TEXT } = await import('../user-error-text.ts');
    expect(DISCORD_USER_ERROR_TEXT.BAD_WHEN!({ example: 'fri 21:00' })).toBe(
      'I can\'t read that time. Try "fri 21:00", "tomorrow 8pm", "in 2h" or "2026-12-12 20:30".',
    );
    expect(d.deps.nights.nights.size).toBe(0);
  });

  it('says movie nights are for servers in a direct message', async () => {
    const i = await movienight(d, 'start', { guildId: null, strings: { when: 'in 3 days' } });
    expect(i.replies[0]!.content).toMatch(/for servers/);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });
});

describe('the shortlist on the message', () => {
  it('appears once two people are in: ≤ 5 films with year, one line of why, a vote button each', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const message = await edited(d);
    const candidates = await candidatesOf(d, nightId);
    expect(candidates.length).toBe(4);
    const fields = message.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(
      candidates.map((id, n) => `${n + 1}. ${d.deps.catalog.get(id)!.title} (${d.deps.catalog.get(id)!.year}) — 0 votes`),
    );
    expect(fields[0]!.value).toMatch(/the group’s #1 pick$/);
    expect(customIdsOf(message).filter((c) => c.startsWith('mv:'))).toEqual(candidates.map((id) => `mv:${nightId}:${id}`));
    expect(textOf(message)).toContain('**In (2):** <@u1> and <@u2>');
  });

  it('marks a nomination with who nominated it; refuses one already on the list, privately worded by code', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const i = await movienight(d, 'nominate', { userId: 'u2', strings: { movie: 'id:44' } });
    expect(i.replies[0]!.content).toBe('Added Horror 44 (2000) to the list.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    const message = await edited(d);
    const field = message.embeds[0]!.fields!.find((f) => f.name.includes('Horror 44'))!;
    expect(field.value).toMatch(/nominated by <@u2>$/);
    expect(await candidatesOf(d, nightId)).toContain(44);
    await expect(movienight(d, 'nominate', { userId: 'u3', strings: { movie: 'id:44' } })).rejects.toMatchObject({ code: 'ALREADY_ON_LIST' });
  });

  it('nominating where no night is planned says how to start one', async () => {
    const i = await movienight(d, 'nominate', { strings: { movie: 'id:44' } });
    expect(i.replies[0]!.content).toMatch(/\/movienight start/);
  });
});

describe('/movienight settings and history', () => {
  it('shows the zone; only members who manage the server or its events change it', async () => {
    expect((await movienight(d, 'settings')).replies[0]!.content).toBe('Movie nights here use the time zone UTC.');
    const denied = await movienight(d, 'settings', { strings: { timezone: 'Europe/Berlin' } });
    expect(denied.replies[0]!.content).toMatch(/Only members who can manage/);
    const set = await movienight(d, 'settings', { strings: { timezone: 'Europe/Berlin' }, canManageEvents: true });
    expect(set.replies[0]!.content).toMatch(/now use the time zone Europe\/Berlin/);
    await expect(movienight(d, 'settings', { strings: { timezone: 'Mars/Base' }, canManageGuild: true })).rejects.toMatchObject({ code: 'BAD_TIME_ZONE' });
  });

  it('lists past nights with their film, turnout and how it went', async () => {
    expect((await movienight(d, 'history')).replies[0]!.content).toMatch(/No movie nights here yet/);
    const { nightId } = await nightWith(d, ['u2']);
    const [first] = await candidatesOf(d, nightId);
    await press(d, `mv:${nightId}:${first}`, 'u2');
    await movienight(d, 'close');
    await movienight(d, 'done');
    await press(d, `mh:u:${nightId}`, 'u2');
    const history = (await movienight(d, 'history')).replies[0]!.content!;
    expect(history).toContain(`**${d.deps.catalog.get(first!)!.title} (2000)** · 2 in · 1 voted · 👍 1 👎 0`);
  });
});
