import { MessageFlags } from 'discord.js';
import { castVote, movieLabel } from '../../../core/index.ts';
import { identityOf, NO_MENTIONS } from '../discord-context.ts';
import type { ButtonHandler } from '../interaction.ts';
import { parseVoteId, voteId } from '../night-ids.ts';

/**
 * A vote button on a movie night's message ("mv:<night>:<movie>"): approval
 * voting, a press toggles the person's vote for that film. Stored once per
 * interaction (a redelivered click changes nothing), acknowledged privately
 * at once with the person's votes; the public counts follow through the
 * coalesced edit, at most one per interval however many press.
 */
export const nightVoteButton: ButtonHandler<{ nightId: number; movieId: number }> = {
  prefix: 'mv:',
  id: voteId,
  parse: parseVoteId,
  async run(i, d, { nightId, movieId }) {
    const { applied, mine } = await castVote(d.deps, { nightId, identity: identityOf(i), movieId, eventKey: `dc:${i.id}` });
    if (applied) d.nights.board.touch(nightId);
    const titles = mine.flatMap((id) => {
      const movie = d.deps.catalog.get(id);
      return movie ? [movieLabel(movie)] : [];
    });
    const content = titles.length ? `Your votes: ${titles.join(', ')}`.slice(0, 2000) : 'You have no votes on this night now.';
    await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
