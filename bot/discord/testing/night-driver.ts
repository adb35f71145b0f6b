/**
 * Drives /movienight and its buttons the way the router would (the handler
 * found by command name or custom-id prefix), on the in-memory bot, and
 * reads back what Discord would show: the public message as last edited.
 */
import { addFavorite, nightState } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { movieNightCommand } from '../commands/movienight.command.ts';
import { BUTTONS } from '../registry.ts';
import { fakeInteraction, type FakeInteractionOptions, type SentMessage } from './fake-interaction.ts';

export type NightTestDeps = Awaited<ReturnType<typeof botDeps>>;

/** The in-memory bot where u1 and u2 like sci-fi (1, 2 and 3) and u3 romance (21). */
export async function nightDeps(): Promise<NightTestDeps> {
  const d = await botDeps();
  const like = (who: string, id: number) => addFavorite(d.deps, { platform: 'discord', platformUserId: who }, id);
  await like('u1', 1);
  await like('u1', 2);
  await like('u2', 3);
  await like('u3', 21);
  return d;
}

/** /movienight <sub> by `userId` (default u1) in channel c1 of g1. */
export async function movienight(d: NightTestDeps, subcommand: string, o: Partial<FakeInteractionOptions> = {}) {
  const i = fakeInteraction({ commandName: 'movienight', subcommand, username: o.userId ?? 'u1', ...o });
  await movieNightCommand.execute(i as never, d);
  return i;
}

/** A click on a button by its custom id, run by the button that owns the id. */
export async function press(d: NightTestDeps, customId: string, userId = 'u1', id?: string) {
  const handler = BUTTONS.find((b) => customId.startsWith(b.prefix))!;
  const i = fakeInteraction({ kind: 'button', customId, userId, username: userId, id });
  await handler.run(i as never, d, handler.parse(customId));
  return i;
}

/** Starts a night in c1 (u1 hosts) and has `others` press "I'm in"; its id and the start reply. */
export async function nightWith(d: NightTestDeps, others: string[] = ['u2'], start: Partial<FakeInteractionOptions> = {}) {
  const reply = (await movienight(d, 'start', { strings: { when: 'in 3 days' }, ...start })).replies[0]!;
  const nightId = Number(
    customIdsOf(reply)
      .find((c) => c.startsWith('mn:in:'))!
      .slice('mn:in:'.length),
  );
  for (const who of others) await press(d, `mn:in:${nightId}`, who);
  await d.nights.board.flush();
  return { nightId, reply };
}

/** The public message as last edited (the body of the last PATCH), once the pending edits ran. */
export async function edited(d: NightTestDeps): Promise<SentMessage> {
  await d.nights.board.flush();
  const edit = d.discord.calls.filter((c) => c.method === 'PATCH').at(-1);
  if (!edit) throw new Error('the message was never edited');
  return edit.body as unknown as SentMessage;
}

export const customIdsOf = (m: SentMessage) => m.components.flatMap((row) => row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])));

/** The night's candidates, in list order. */
export async function candidatesOf(d: NightTestDeps, nightId: number): Promise<number[]> {
  return (await nightState(d.deps, nightId)).candidates.map((c) => c.movieId);
}
