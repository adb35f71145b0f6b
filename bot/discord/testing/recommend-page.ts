import { addFavorite } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { recommendCommand } from '../commands/recommend.command.ts';
import { customIds, fakeInteraction, type SentMessage } from './fake-interaction.ts';

export type BotTestDeps = Awaited<ReturnType<typeof botDeps>>;

/** The in-memory bot where u1 has three favourites: where the /recommend, 👍/👎 and "More" tests start. */
export async function depsWithFavourites(): Promise<BotTestDeps> {
  const d = await botDeps();
  for (const id of [1, 2, 3]) await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u1' }, id);
  return d;
}

/** The movies a list message offers, by its 👍 buttons, in list order. */
export const movieIds = (m: SentMessage) => customIds(m).flatMap((id) => (id.startsWith('r:u:') ? [Number(id.slice(4))] : []));

/** u1's first /recommend page. */
export async function firstPage(d: BotTestDeps): Promise<SentMessage> {
  const i = fakeInteraction({ commandName: 'recommend' });
  await recommendCommand.execute(i as never, d);
  return i.replies[0]!;
}
