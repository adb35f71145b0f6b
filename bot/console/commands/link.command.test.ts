import { describe, expect, it } from 'vitest';
import { addFavorite, listFavorites, type PlatformIdentity } from '../../../core/index.ts';
import { newChatState, type ChatContext } from '../chat-context.ts';
import { ChatSession } from '../chat-session.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { linkCommand } from './link.command.ts';

const OTHER: PlatformIdentity = { platform: 'console', platformUserId: 'other' };
const codeIn = (lines: string[]) => /Your link code: (\S+)/.exec(lines.join('\n'))?.[1];

describe('link', () => {
  it('`link` gives a code; `link <code>` as another user makes one profile, so both list the same favourites', async () => {
    const { ctx, deps } = await consoleChat();
    await addFavorite(deps, ME, 1);
    await addFavorite(deps, OTHER, 21);
    const reply = await linkCommand.run(ctx, '');
    const code = codeIn(reply)!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(reply.join('\n')).toContain(`link ${code}`);

    const other: ChatContext = { ...ctx, identity: OTHER, state: { ...newChatState(), seen: [5] } };
    expect(await linkCommand.run(other, code.toLowerCase())).toEqual([
      'Linked with your terminal account: your favourites and ratings are one profile now, with one share page. /unlink undoes it.',
    ]);
    expect(other.state.seen).toEqual([]);
    const ids = async (who: PlatformIdentity) => (await listFavorites(deps, who)).map((m) => m.id);
    expect(await ids(ME)).toEqual([1, 21]);
    expect(await ids(OTHER)).toEqual([1, 21]);
  });

  it('answers a wrong, reused or own code in words, through the session, and links nothing', async () => {
    const { deps, share, logger } = await consoleChat();
    const me = new ChatSession(deps, share, ME, logger);
    const other = new ChatSession(deps, share, OTHER, logger);
    const third = new ChatSession(deps, share, { platform: 'console', platformUserId: 'third' }, logger);
    expect(await other.handle('link NOTACODE')).toEqual(['That is not a link code. Check it, or make a new one with /link on your other account.']);
    const code = codeIn(await me.handle('link'))!;
    expect(await me.handle(`link ${code}`)).toEqual(['That code was made on this account: type it on the account you want to link.']);
    expect(await other.handle(`/link ${code}`)).toHaveLength(1);
    expect(await third.handle(`link ${code}`)).toEqual(['That link code has already been used. Make a new one with /link on your other account.']);
    expect(await other.handle(`link ${code}`)).toEqual(['These two accounts are already linked.']);
    expect(await deps.accounts.findUser('console', 'third')).not.toBe(await deps.accounts.findUser('console', 'local'));
    expect(logger.lines).toEqual([]);
  });

  it('locks a user out after 5 wrong codes in an hour, saying when to try again', async () => {
    const { deps, share, logger } = await consoleChat();
    const me = new ChatSession(deps, share, ME, logger);
    for (let n = 0; n < 5; n++) expect((await me.handle(`link WRONG${n}XX`))[0]).toMatch(/^That is not a link code/);
    expect(await me.handle('link WRONG5XX')).toEqual(['Too many wrong link codes (5 an hour). Try again in 60 minutes.']);
  });
});
