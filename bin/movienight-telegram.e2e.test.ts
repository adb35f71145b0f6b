/**
 * Issue 14's Telegram journey, end to end: `moviebot start` (as `npm start`
 * runs it) with only the bot token and the API root pointing at the loopback
 * Bot API. Four members RSVP, one nominates, the native poll is sent, all four
 * answer (one changes their answer), the bot restarts, the host closes (the
 * poll stopped once, the winner announced and pinned), three say 👍 to "how
 * was it?", and the next night's shortlist leaves the watched film out and
 * brings back the losing nominee.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-movienight-tg-');
const GROUP = { id: -100900, type: 'supergroup', title: 'Film club' };
const [HOST, BEA, CAL, DEV] = [9101, 9102, 9103, 9104];
const FAVOURITES: Record<number, string> = { [HOST]: 'matrix', [BEA]: 'toy story', [CAL]: 'star wars', [DEV]: 'lord rings' };
/** Films to nominate: the first one not already on the list is taken. */
const NOMINEES = ['Heat (1995)', 'Fargo (1996)', 'Alien (1979)', 'Casino (1995)'];
const WAIT = 30_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describe.skipIf(!ML_LATEST_SMALL.present)('movie night on Telegram, through `moviebot start`', () => {
  it('RSVP → nominate → native poll → restart → close, stopPoll once, pinned → how was it 👍×3 → the next night', async () => {
    const api = new FakeTelegram();
    await api.start();
    api.setRights(GROUP.id, { owner: HOST });
    const dataDir = tmp();
    const port = await freePort();
    const start = async () => {
      const cli = spawnCli(['start'], {
        MOVIELENS_DIR: ML_LATEST_SMALL.dir,
        DATA_DIR: dataDir,
        PORT: String(port),
        TELEGRAM_TOKEN: '123:TEST',
        TELEGRAM_API_ROOT: api.apiRoot,
      });
      await cli.waitFor(/Press Ctrl-C to stop/, 120_000);
      return cli;
    };
    const logs: string[] = [];
    const stop = async (cli: RunningCli) => {
      cli.process.kill('SIGINT');
      const run = await cli.exited;
      logs.push(run.stdout, run.stderr);
    };
    const say = async (user: number, text: string, match: (text: string) => boolean, chat: { id: number; type: string; title?: string } = GROUP) => {
      const from = api.calls.length;
      api.text(user, text, chat);
      return (await api.waitFor('sendMessage', (b) => b.chat_id === chat.id && match(String(b.text)), from, WAIT)).body;
    };
    /** The night's message, once an edit matching `match` is made. */
    const board = async (messageId: number, match: (text: string) => boolean) =>
      String((await api.waitFor('editMessageText', (b) => b.message_id === messageId && match(String(b.text)), 0, WAIT)).body.text);

    let cli = await start();
    try {
      expect((await api.waitFor('setMyCommands')).body.commands).toEqual(
        expect.arrayContaining([expect.objectContaining({ command: 'movienight' }), expect.objectContaining({ command: 'nominate' })]),
      );
      for (const [user, title] of Object.entries(FAVOURITES)) {
        const from = api.calls.length;
        const ask = await say(Number(user), `/fav ${title}`, (t) => t === 'Which one?', { id: Number(user), type: 'private' });
        api.click(Number(user), 1, (ask.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data);
        await api.waitFor('editMessageText', (b) => /favourite/.test(String(b.text)), from, WAIT);
      }
      // The first start trains the model in the background: the shortlist needs it served.
      for (;;) {
        const reply = await say(HOST, '/recommend', () => true, { id: HOST, type: 'private' });
        if (String(reply.text).startsWith('You might like')) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(api.allowedUpdates).toEqual(expect.arrayContaining(['poll_answer', 'callback_query', 'message']));

      // 1. The host plans the night; three more say they are in.
      let from = api.calls.length;
      api.text(HOST, '/movienight in 3 days', GROUP);
      const post = await api.waitFor('sendMessage', (b) => b.chat_id === GROUP.id && String(b.text).startsWith('🎬 Movie night'), from, WAIT);
      const messageId = (post.result as { message_id: number }).message_id;
      const [inData, outData] = (post.body.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.callback_data);
      expect(inData).toMatch(/^mn:in:\d+$/);
      expect(outData).toMatch(/^mn:out:\d+$/);
      const nightId = Number(inData!.split(':')[2]);
      for (const user of [BEA, CAL, DEV]) {
        from = api.calls.length;
        api.click(user, messageId, inData!, `rsvp-${user}`, GROUP.id);
        expect((await api.waitFor('answerCallbackQuery', (b) => b.callback_query_id === `rsvp-${user}`, from, WAIT)).body.text).toBe("You're in 🍿");
      }
      const withFour = await board(messageId, (t) => t.includes('✅ In (4)') && t.includes('Shortlist:'));
      expect(withFour).toMatch(/✅ In \(4\): user9101, user9102, user9103 and user9104/);

      // 2. Bea nominates a film that is not on the list yet.
      const nominee = NOMINEES.find((t) => !withFour.includes(t))!;
      expect(String((await say(BEA, `/nominate ${nominee}`, (t) => t.startsWith('📌'))).text)).toBe(`📌 user9102 nominated ${nominee}.`);
      await board(messageId, (t) => t.includes(`${nominee}\n    nominated by user9102`));

      // 3. The poll: non-anonymous, multiple answers, the list as its options.
      from = api.calls.length;
      api.text(HOST, '/movienight vote', GROUP);
      const sent = await api.waitFor('sendPoll', () => true, from, WAIT);
      expect(sent.body).toMatchObject({ chat_id: GROUP.id, is_anonymous: false, allows_multiple_answers: true });
      expect(String(sent.body.question)).toMatch(/^Movie night .+ \(UTC\) — what shall we watch\?$/);
      const options = sent.body.options as string[];
      expect(options.length).toBeGreaterThanOrEqual(3);
      expect(options.length).toBeLessThanOrEqual(5);
      expect(options).toContain(nominee);
      const pollId = (sent.result as { poll: { id: string } }).poll.id;
      const n = options.indexOf(nominee);
      const w = n === 0 ? 1 : 0;
      const winner = options[w]!;

      // 4. Everyone answers; Bea first picks only her nominee, then adds the other film.
      for (const [user, picks] of [
        [HOST, [w]],
        [BEA, [n]],
        [CAL, [w]],
        [DEV, [w]],
        [BEA, [w, n]],
      ] as const)
        expect(api.pollAnswer(user, pollId, [...picks])).not.toBeNull();
      await board(messageId, (t) => t.includes(`${w + 1}. ${winner} — 4 votes`) && t.includes(`${n + 1}. ${nominee} — 1 vote`));

      // 5. A restart between the votes and the close loses nothing.
      await stop(cli);
      cli = await start();

      // 6. The host closes: the poll is stopped once, the winner announced by title and pinned.
      from = api.calls.length;
      api.text(HOST, '/movienight close', GROUP);
      const result = await api.waitFor('sendMessage', (b) => String(b.text).startsWith('🏆'), from, WAIT);
      expect(String(result.body.text)).toMatch(new RegExp(`^🏆 Movie night: we're watching ${winner.replace(/[()]/g, '\\$&')}!\n4 of 4 votes; `));
      await api.waitFor('pinChatMessage', () => true, from, WAIT);
      expect(api.chats.pinned(GROUP.id)).toEqual([(result.result as { message_id: number }).message_id]);
      expect(api.calls.filter((c) => c.method === 'stopPoll')).toHaveLength(1);
      expect(api.chats.polls.get(pollId)).toMatchObject({ is_closed: true, total_voter_count: 4 });
      await board(messageId, (t) => t.includes(`🏆 We're watching ${winner}.`));

      // 7. How was it? Three 👍 from people who were in.
      const ask = await say(HOST, '/movienight done', (t) => t.startsWith('How was'));
      expect(ask.text).toBe(`How was ${winner}? Tap 👍 or 👎 — it counts for everyone who was in.`);
      const askId = (api.calls.find((c) => c.body === ask)!.result as { message_id: number }).message_id;
      for (const user of [HOST, CAL, DEV]) {
        from = api.calls.length;
        api.click(user, askId, `mh:u:${nightId}`, `how-${user}`, GROUP.id);
        expect(String((await api.waitFor('answerCallbackQuery', (b) => b.callback_query_id === `how-${user}`, from, WAIT)).body.text)).toMatch(
          /^👍 .+ — thanks!$/,
        );
      }
      expect(String((await say(BEA, '/movienight history', (t) => t.startsWith('🎞'))).text)).toMatch(
        new RegExp(`— ${winner.replace(/[()]/g, '\\$&')}: 4 in, 4 voted, 👍 3 · 👎 0$`),
      );

      // 8. The next night: the watched film is out, the losing nominee is back.
      from = api.calls.length;
      api.text(CAL, '/movienight in 10 days', GROUP);
      const next = await api.waitFor('sendMessage', (b) => String(b.text).startsWith('🎬 Movie night'), from, WAIT);
      const nextId = (next.result as { message_id: number }).message_id;
      const nextIn = (next.body.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
      expect(nextIn).not.toBe(inData);
      api.click(DEV, nextId, nextIn, 'next-in', GROUP.id);
      const nextList = await board(nextId, (t) => t.includes('Shortlist:'));
      expect(nextList).toContain(`${nominee}\n    back from last night, nominated by user9102`);
      expect(nextList).not.toContain(winner);
      expect(api.calls.filter((c) => c.method === 'stopPoll')).toHaveLength(1);
      console.log(`movie night message edits: ${api.chats.editsOf(GROUP.id, messageId)}`);
    } finally {
      await stop(cli);
      await api.stop();
    }
    // Nothing failed on the way: no error logged, no edit of the night's message refused.
    expect(logs.join('\n')).not.toMatch(/"level":50|could not edit the movie night message/);
  }, 420_000);
});
