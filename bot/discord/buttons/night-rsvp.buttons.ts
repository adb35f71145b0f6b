import { MessageFlags } from 'discord.js';
import { answerRsvp, formatWhen } from '../../../core/index.ts';
import { identityOf } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { parseRsvpId, rsvpId } from '../night-ids.ts';

/**
 * "I'm in" / "Can't make it" on a movie night's message ("mn:in:<night>",
 * "mn:out:<night>"). Answered privately at once; the public message follows
 * through the coalesced edit (which also remakes the shortlist for the
 * people in).
 */
export const nightRsvpButtons: ButtonHandler<{ going: boolean; nightId: number }> = {
  prefix: 'mn:',
  id: rsvpId,
  parse: parseRsvpId,
  async run(i, d, { going, nightId }) {
    const { night, changed } = await answerRsvp(d.deps, { nightId, identity: identityOf(i), going, via: 'button' });
    if (changed) d.nights.board.touch(nightId);
    const when = formatWhen(night.startsAt, night.timeZone);
    await i.reply({ content: going ? `You're in: ${when}.` : "Noted: you can't make it.", flags: MessageFlags.Ephemeral });
  },
};
