/**
 * Issue 4's acceptance journey, end to end: `moviebot start` (as `npm
 * start` runs it) with only the bot tokens and the API roots pointing at
 * loopback fakes. On each platform: /fav ×3 → /recommend → 👎 one → the
 * next list leaves it out and moves away from it → /share gives a link
 * that opens → /forget removes the person (the link then answers 404).
 */
import net from 'node:net';
import path from 'node:path';
import { loadModel } from '../core/wiring.ts';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../test/support/cli.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-journey-');

/**
 * "Moves away from it": the list after a 👎 must not be closer to the
 * disliked movie (mean cosine of the served model's item vectors) than the
 * list the same person would get had they only skipped it, and over the top
 * 20 it must be further — a 👎 has to do more than hide one movie. (Five
 * films alone can be the same either way.)
 */
async function distances(dataDir: string, likes: number[], disliked: number, after: number[]) {
  const { recommender } = await loadModel(path.join(dataDir, 'models', 'current'));
  const { vectors, dimensions } = recommender.indexVectors();
  const row = new Map([...recommender.factors.itemIds].map((id, i) => [id, i]));
  const vector = (id: number) => vectors.subarray(row.get(id)! * dimensions, (row.get(id)! + 1) * dimensions);
  const cosine = (a: Float32Array, b: Float32Array) => {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = 0; j < a.length; j++) {
      ab += a[j]! * b[j]!;
      aa += a[j]! ** 2;
      bb += b[j]! ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  };
  const closeness = (ids: number[]) => ids.reduce((sum, id) => sum + cosine(vector(id), vector(disliked)), 0) / ids.length;
  const list = (taste: { likes: number[]; dislikes?: number[]; seen?: number[] }, k: number) => recommender.recommend(taste, k).map((r) => r.movieId);
  return {
    afterDislike: closeness(after),
    afterSkip: closeness(list({ likes, seen: [disliked] }, after.length)),
    top20AfterDislike: closeness(list({ likes, dislikes: [disliked] }, 20)),
    top20AfterSkip: closeness(list({ likes, seen: [disliked] }, 20)),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe.skipIf(!ML_LATEST_SMALL.present)('the bots started by `moviebot start`, end to end', () => {
  it('Discord and Telegram: /fav ×3 → /recommend → 👎 → a list away from it → /share → /forget', async () => {
    const discord = new FakeDiscord();
    const telegram = new FakeTelegram();
    await Promise.all([discord.start(), telegram.start()]);
    const port = await freePort();
    const dataDir = tmp();
    const cli = spawnCli(['start'], {
      MOVIELENS_DIR: ML_LATEST_SMALL.dir,
      DATA_DIR: dataDir,
      PORT: String(port),
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      TELEGRAM_TOKEN: '123:TEST',
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    try {
      await cli.waitFor(/Press Ctrl-C to stop/, 120_000);
      await discordJourney(discord, dataDir);
      await telegramJourney(telegram, dataDir);
    } finally {
      cli.process.kill('SIGINT');
      await cli.exited;
      await Promise.all([discord.stop(), telegram.stop()]);
    }
  }, 300_000);
});

type DiscordList = { content?: string; embeds: { fields: { name: string; value: string }[] }[]; components: { components: { custom_id: string }[] }[] };

async function discordJourney(discord: FakeDiscord, dataDir: string): Promise<void> {
  const USER = '810000000000000001';
  const answer = async (id: string) => (await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`), 0, 30_000)).body;
  const command = (name: string, options: unknown[] = []) => discord.interaction(USER, 2, { id: '1', name, type: 1, options });
  const ids = (list: DiscordList) =>
    list.components
      .flatMap((r) => r.components.map((b) => b.custom_id))
      .filter((b) => b.startsWith('r:u:'))
      .map((b) => Number(b.slice(4)));
  const favourites: number[] = [];

  for (const title of ['matrix', 'star wars', 'toy story']) {
    const auto = await answer(
      discord.interaction(USER, 4, {
        id: '1',
        name: 'fav',
        type: 1,
        options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: title, focused: true }] }],
      }),
    );
    const [choice] = (auto.data as { choices: { value: string }[] }).choices;
    favourites.push(Number(choice!.value.slice(3)));
    const saved = await answer(command('fav', [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: choice!.value }] }]));
    expect((saved.data as { content: string }).content).toMatch(/now a favourite/);
  }
  // The first start trains the model in the background: /recommend answers once it is served.
  let first: DiscordList;
  for (;;) {
    first = (await answer(command('recommend'))).data as DiscordList;
    if (first.embeds?.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(ids(first)).toHaveLength(5);
  const disliked = ids(first)[0]!;
  const click = discord.click(USER, `r:d:${disliked}`, { embeds: first.embeds, components: first.components });
  expect(((await answer(click)).data as DiscordList).content).toMatch(/^👎 .* noted/);
  const next = (await answer(command('recommend'))).data as DiscordList;
  expect(ids(next)).not.toContain(disliked);
  const away = await distances(dataDir, favourites, disliked, ids(next));
  expect(away.afterDislike).toBeLessThanOrEqual(away.afterSkip + 1e-9); // equal when both show the same five films
  expect(away.top20AfterDislike).toBeLessThan(away.top20AfterSkip);

  const link = ((await answer(command('share'))).data as { content: string }).content.match(/https?:\/\/\S+/)![0];
  const page = await fetch(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('The Matrix');

  const ask = await answer(command('forget'));
  expect(JSON.stringify(ask.data)).toContain('x:forget');
  expect(((await answer(discord.click(USER, 'x:forget'))).data as { content: string }).content).toMatch(/deleted/);
  expect((await fetch(link)).status).toBe(404);
  const favs = await answer(command('fav', [{ name: 'list', type: 1, options: [] }]));
  expect((favs.data as { content: string }).content).toMatch(/No favourites yet/);
}

async function telegramJourney(telegram: FakeTelegram, dataDir: string): Promise<void> {
  const USER = 8100;
  const sent = async (from: number, match: (text: string) => boolean) =>
    (await telegram.waitFor('sendMessage', (b) => match(String(b.text)), from, 30_000)).body;
  const listOf = (body: Record<string, unknown>) => {
    const buttons = (body.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data);
    return { ids: buttons.filter((b) => b.startsWith('r:u:')).map((b) => Number(b.slice(4))) };
  };
  const favourites: number[] = [];

  for (const title of ['matrix', 'star wars', 'toy story']) {
    const from = telegram.calls.length;
    telegram.text(USER, `/fav ${title}`);
    const keyboard = (await sent(from, (t) => t === 'Which one?')).reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const pick = keyboard.inline_keyboard[0]![0]!.callback_data;
    favourites.push(Number(pick.slice(2)));
    telegram.click(USER, 1, pick);
    await telegram.waitFor('editMessageText', (b) => /now a favourite/.test(String(b.text)), from, 30_000);
  }
  let from = telegram.calls.length;
  telegram.text(USER, '/recommend');
  const first = listOf(await sent(from, (t) => t.startsWith('You might like')));
  expect(first.ids).toHaveLength(5);
  const disliked = first.ids[0]!;
  from = telegram.calls.length;
  telegram.click(USER, 2, `r:d:${disliked}`);
  await telegram.waitFor('answerCallbackQuery', (b) => String(b.text).startsWith('👎'), from, 30_000);
  from = telegram.calls.length;
  telegram.text(USER, '/recommend');
  const next = listOf(await sent(from, (t) => t.startsWith('You might like')));
  expect(next.ids).not.toContain(disliked);
  const away = await distances(dataDir, favourites, disliked, next.ids);
  expect(away.afterDislike).toBeLessThanOrEqual(away.afterSkip + 1e-9); // equal when both show the same five films
  expect(away.top20AfterDislike).toBeLessThan(away.top20AfterSkip);

  from = telegram.calls.length;
  telegram.inline(USER, 'star');
  const inline = (await telegram.waitFor('answerInlineQuery', () => true, from, 30_000)).body;
  expect((inline.results as unknown[]).length).toBeGreaterThan(0);
  expect((inline.results as unknown[]).length).toBeLessThanOrEqual(50);
  expect(Buffer.byteLength(String(inline.next_offset))).toBeLessThanOrEqual(64);

  from = telegram.calls.length;
  telegram.text(USER, '/share');
  const link = String((await sent(from, (t) => /\/l\//.test(t))).text).match(/https?:\/\/\S+/)![0];
  const page = await fetch(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('The Matrix');

  from = telegram.calls.length;
  telegram.text(USER, '/forget');
  await sent(from, (t) => t.includes('deletes'));
  telegram.click(USER, 4, 'x:forget');
  expect(String((await telegram.waitFor('editMessageText', (b) => /deleted/.test(String(b.text)), from, 30_000)).body.text)).toMatch(/deleted/);
  expect((await fetch(link)).status).toBe(404);
}
