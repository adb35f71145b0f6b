import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { answerPoll } from '../../../core/index.ts';
import type { NightActions } from '../night-actions.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/**
 * An answer to a night's native poll (a poll_answer update: the voter and
 * their options, no chat): it replaces the person's votes, an empty answer
 * retracts them, and the night's message shows the new counts.
 */
export function nightPollHandler({ deps, logger }: TelegramDeps, nights: NightActions): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('poll_answer', (ctx) =>
    answering(ctx, logger, async () => {
      const { poll_id: pollId, option_ids: optionIds, user } = ctx.pollAnswer;
      // An anonymous admin answering as the chat comes without a user: no one to count.
      if (!user) return;
      const state = await answerPoll(deps, { pollId, identity: identityOf(ctx), optionIds });
      if (state) nights.board.touch(state.night.id);
    }),
  );
  return composer;
}
