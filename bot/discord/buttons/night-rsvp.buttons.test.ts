import { beforeEach, describe, expect, it } from 'vitest';
import { nightState } from '../../../core/index.ts';
import { isEphemeral, textOf } from '../testing/fake-interaction.ts';
import { candidatesOf, edited, nightDeps, nightWith, press, type NightTestDeps } from '../testing/night-driver.ts';

let d: NightTestDeps;
beforeEach(async () => {
  d = await nightDeps();
});

describe("I'm in / Can't make it", () => {
  it('answers privately at once and shows who is in and out on the message', async () => {
    const { nightId } = await nightWith(d, []);
    const yes = await press(d, `mn:in:${nightId}`, 'u2');
    expect(yes.replies[0]!.content).toMatch(/^You're in: \w{3} \d{1,2} \w{3}, \d\d:\d\d \(UTC\)\.$/);
    expect(isEphemeral(yes.replies[0]!)).toBe(true);
    const no = await press(d, `mn:out:${nightId}`, 'u3');
    expect(no.replies[0]!.content).toBe("Noted: you can't make it.");
    const text = textOf(await edited(d));
    expect(text).toContain('**In (2):** <@u1> and <@u2>');
    expect(text).toContain("**Can't make it (1):** <@u3>");
  });

  it('remakes the shortlist for the people in while the night is open (in the coalesced edit)', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const sciFi = await candidatesOf(d, nightId);
    await press(d, `mn:in:${nightId}`, 'u3');
    await edited(d);
    expect((await nightState(d.deps, nightId)).night.shortlistFor).toHaveLength(3);
    expect(await candidatesOf(d, nightId)).not.toEqual(sciFi);
  });

  it('edits nothing for an answer that changes nothing', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const edits = d.discord.calls.length;
    await press(d, `mn:in:${nightId}`, 'u2');
    await d.nights.board.flush();
    expect(d.discord.calls.length).toBe(edits);
  });

  it('an unknown night is a UserError, worded for the person', async () => {
    await expect(press(d, 'mn:in:999', 'u2')).rejects.toMatchObject({ code: 'NIGHT_NOT_FOUND' });
  });
});
