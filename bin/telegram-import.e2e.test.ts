import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Telegraf } from 'telegraf';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { createTelegramBot, launchTelegramBot } from '../bot/telegram/index.ts';

/** core's real-format export files (read as files: adapters' tests reach core only through core/index.ts). */
const FIXTURES_DIR = path.join(import.meta.dirname, '../core/domain/import/testing/fixtures');
const tmp = useTempDirs('moviebot-telegram-import-');
const USER = 7002;

describe.skipIf(!ML_LATEST_SMALL.present)('Telegram import by document, through the real telegraf', () => {
  const api = new FakeTelegram();
  let db: TestDatabase;
  let bot: Telegraf;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    await api.start();
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir, PUBLIC_URL: 'https://movies.example.org' });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    await product.modelReady;
    bot = createTelegramBot('123:TEST', api.apiRoot, { deps: product.deps, share: product.share, logger: silentLogger });
    stop = await launchTelegramBot(bot);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
    await api.stop();
    await db?.drop();
  });

  /** Sends a document; the answer after "Reading …". */
  async function imported(name: string, bytes: Uint8Array): Promise<string> {
    const from = api.calls.length;
    api.document(USER, api.files.add(name, bytes, { mimeType: 'text/csv' }));
    await api.waitFor('sendMessage', (b) => b.text === `Reading ${name}…`, from);
    return String((await api.waitFor('sendMessage', (b) => !String(b.text).startsWith('Reading '), from, 30_000)).body.text);
  }

  it("Letterboxd's ratings.csv sent as a document: getFile, download, summary; /recommend then shows none of it; again changes nothing", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, 'letterboxd/letterboxd-ratings.csv'));
    const text = await imported('ratings.csv', bytes);
    expect(text).toMatch(/^Imported \d+ films: \d+ 👍, \d+ 👎, \d+ seen/);
    expect(api.calls.some((c) => c.method === 'getFile')).toBe(true);
    expect(api.files.downloads).toHaveLength(1);

    const from = api.calls.length;
    api.text(USER, '/recommend');
    const list = await api.waitFor('sendMessage', (b) => String(b.text).startsWith('You might like'), from);
    const data = (list.body.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data);
    expect(data.filter((x) => x.startsWith('sn:'))).toHaveLength(5);
    expect(data.filter((x) => x.startsWith('lt:'))).toHaveLength(5);
    // The Matrix (2571) and Pulp Fiction (296) are rated in the file: never recommended back.
    expect(data).not.toContain('r:u:2571');
    expect(data).not.toContain('r:u:296');

    expect(await imported('ratings.csv', bytes)).toMatch(/All of it was already here, so nothing changed\.$/);
  }, 60_000);

  it("another site's CSV: a clear message, nothing saved", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, 'goodreads_library_export.csv'));
    expect(await imported('goodreads_library_export.csv', bytes)).toMatch(/Send Letterboxd's export/);
  });

  it('a 6 MB document is refused from its file_size, before getFile', async () => {
    const from = api.calls.length;
    const downloads = api.files.downloads.length;
    api.document(USER, api.files.add('ratings.csv', new Uint8Array(6 * 1024 * 1024)));
    const reply = await api.waitFor('sendMessage', () => true, from);
    expect(reply.body.text).toBe('ratings.csv is 6.0 MB: an import can be at most 5 MB. Nothing was imported.');
    expect(api.calls.slice(from).some((c) => c.method === 'getFile')).toBe(false);
    expect(api.files.downloads).toHaveLength(downloads);
  });
});
