import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { telegramHarness } from '../testing/telegram-harness.ts';
import { HELP, startHandler } from './start.handler.ts';

let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  tg = telegramHarness(startHandler(await botDeps()));
});

describe('/start and /help', () => {
  it('greet with the list of commands', async () => {
    await tg.message('/start');
    await tg.message('/help');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual([`Hello! ${HELP}`, HELP]);
    for (const command of ['/fav', '/recommend', '/movie', '/trends', '/share', '/forget']) expect(HELP).toContain(command);
  });

  it('a shared-list deep link opens with the link to that list', async () => {
    const slug = 'a'.repeat(24);
    await tg.message(`/start list_${slug}`);
    expect(tg.sent('sendMessage')[0]!.text).toBe(`A shared list: https://movies.example/l/${slug}\n\n${HELP}`);
  });

  it('a malformed deep link is not echoed into a link', async () => {
    await tg.message('/start list_../../admin');
    await tg.message('/start list_short');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual([`Hello! ${HELP}`, `Hello! ${HELP}`]);
  });
});
