import { beforeEach, describe, expect, it } from 'vitest';
import { movieLabel, nightState, voteCounts } from '../../../core/index.ts';
import { DiscordNights } from '../night-actions.ts';
import { isEphemeral } from '../testing/fake-interaction.ts';
import { candidatesOf, edited, movienight, nightDeps, nightWith, press, type NightTestDeps } from '../testing/night-driver.ts';

let d: NightTestDeps;
beforeEach(async () => {
  d = await nightDeps();
});

describe('vote buttons', () => {
  it('toggle the person’s approval votes, acknowledged privately with their votes', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const [a, b] = await candidatesOf(d, nightId);
    const title = (id: number) => movieLabel(d.deps.catalog.get(id)!);
    const first = await press(d, `mv:${nightId}:${a}`, 'u2');
    expect(first.replies[0]!.content).toBe(`Your votes: ${title(a!)}`);
    expect(isEphemeral(first.replies[0]!)).toBe(true);
    expect((await press(d, `mv:${nightId}:${b}`, 'u2')).replies[0]!.content).toBe(`Your votes: ${title(a!)}, ${title(b!)}`);
    await press(d, `mv:${nightId}:${a}`, 'u2');
    expect((await press(d, `mv:${nightId}:${b}`, 'u2')).replies[0]!.content).toBe('You have no votes on this night now.');
  });

  it('count a redelivered click once, and show the counts on the message', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const [a] = await candidatesOf(d, nightId);
    await press(d, `mv:${nightId}:${a}`, 'u2', 'same-click');
    await press(d, `mv:${nightId}:${a}`, 'u2', 'same-click');
    await press(d, `mv:${nightId}:${a}`, 'u1');
    expect((await nightState(d.deps, nightId)).votes).toHaveLength(2);
    expect((await edited(d)).embeds[0]!.fields![0]!.name).toMatch(/ — 2 votes$/);
  });

  it('fix the list at the first vote: later RSVPs no longer remake it', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const before = await candidatesOf(d, nightId);
    await press(d, `mv:${nightId}:${before[0]}`, 'u2');
    await press(d, `mn:in:${nightId}`, 'u3');
    await edited(d);
    expect(await candidatesOf(d, nightId)).toEqual(before);
  });

  it('refuse a film not on the list and a night that is closed', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    await expect(press(d, `mv:${nightId}:777`, 'u2')).rejects.toMatchObject({ code: 'NOT_A_CANDIDATE' });
    const [a] = await candidatesOf(d, nightId);
    await press(d, `mv:${nightId}:${a}`, 'u2');
    await movienight(d, 'close');
    await expect(press(d, `mv:${nightId}:${a}`, 'u2')).rejects.toMatchObject({ code: 'NIGHT_OVER' });
  });

  it('make a handful of edits for a burst of votes, the last one exact', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    d.nights = new DiscordNights(d.discord, d.deps, d.logger, 200);
    const candidates = await candidatesOf(d, nightId);
    const before = d.discord.calls.filter((c) => c.method === 'PATCH').length;
    await Promise.all(Array.from({ length: 60 }, (_, n) => press(d, `mv:${nightId}:${candidates[n % candidates.length]}`, `voter${n}`)));
    await d.nights.board.flush();
    const edits = d.discord.calls.filter((c) => c.method === 'PATCH').length - before;
    expect(edits).toBeGreaterThanOrEqual(1);
    expect(edits).toBeLessThanOrEqual(3);
    const shown = (await edited(d)).embeds[0]!.fields!.map((f) => Number(/ — (\d+) votes?$/.exec(f.name)![1]));
    expect(shown).toEqual(voteCounts(await nightState(d.deps, nightId)).map((c) => c.votes));
    expect(shown.reduce((a, b) => a + b, 0)).toBe(60);
  });
});
