import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { loadConfig } from '../core/index.ts';
import { importDataset } from '../data/index.ts';
import { createDiscordBot } from '../bot/discord/index.ts';
import { openProduct } from './runtime/product.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { withAttachment, type FakeAttachment } from '../test/support/fake-discord-attachments.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

/** core's real-format export files (read as files: adapters' tests reach core only through core/index.ts). */
const FIXTURES_DIR = path.join(import.meta.dirname, '../core/domain/import/testing/fixtures');
const tmp = useTempDirs('moviebot-discord-import-');
const USER = '111111111111111112';
const CHAT_INPUT = 2;
const DEFERRED = 5;

describe.skipIf(!ML_LATEST_SMALL.present)('/import file:<attachment> through the real discord.js client', () => {
  const discord = new FakeDiscord();
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    await discord.start();
    db = await freshPglite();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir });
    const product = await openProduct(config, db.database, silentLogger, () => {});
    await product.modelReady;
    client = createDiscordBot(discord.apiUrl, { deps: product.deps, share: product.share, logger: silentLogger });
    const ready = new Promise((resolve) => client.once('clientReady' as never, resolve));
    await client.login('fake-token');
    await ready;
  }, 120_000);
  afterAll(async () => {
    await client?.destroy();
    await discord.stop();
    await db?.drop();
  });

  const callbackOf = (id: string) => (c: { path: string }) => c.path.startsWith(`/interactions/${id}/`);
  const editOf = (id: string) => (c: { method: string; path: string }) =>
    c.method === 'PATCH' && c.path.replace('%40', '@') === `/webhooks/${discord.appId}/token-${id}/messages/@original`;

  function importing(attachment: FakeAttachment): string {
    return discord.interaction(USER, CHAT_INPUT, withAttachment({ id: '7', name: 'import' }, 'file', attachment));
  }

  async function imported(attachment: FakeAttachment): Promise<string> {
    const id = importing(attachment);
    const first = await discord.waitFor(callbackOf(id));
    expect(first.body).toMatchObject({ type: DEFERRED, data: { flags: 64 } });
    return (await discord.waitFor(editOf(id), 0, 30_000)).body.content as string;
  }

  const recommended = async () => {
    const id = discord.interaction(USER, CHAT_INPUT, { id: '2', name: 'recommend', type: 1 });
    const data = (await discord.waitFor(callbackOf(id))).body.data as { components: { components: { custom_id: string }[] }[] };
    return data.components
      .flatMap((r) => r.components.map((b) => b.custom_id))
      .filter((b) => b.startsWith('r:u:'))
      .map((b) => Number(b.slice(4)));
  };

  it("imports Letterboxd's ratings.csv from the attachment URL; the list then holds none of its films; again changes nothing", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, 'letterboxd/letterboxd-ratings.csv'));
    const file = discord.attachments.upload('ratings.csv', bytes, { contentType: 'text/csv; charset=utf-8' });
    const text = await imported(file);
    expect(text).toMatch(/^Imported \d+ films: \d+ 👍, \d+ 👎, \d+ seen/);
    expect(text).toMatch(/\/recommend now takes it into account\.$/);
    expect(discord.attachments.downloads).toHaveLength(1);
    // The Matrix (2571) and Pulp Fiction (296) are rated in the file: never recommended back.
    const ids = await recommended();
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain(2571);
    expect(ids).not.toContain(296);

    const again = await imported(discord.attachments.upload('ratings.csv', bytes, { contentType: 'text/csv' }));
    expect(again).toMatch(/All of it was already here, so nothing changed\.$/);
  }, 60_000);

  it("another site's CSV: a clear message, nothing saved", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, 'goodreads_library_export.csv'));
    const text = await imported(discord.attachments.upload('goodreads_library_export.csv', bytes, { contentType: 'text/csv' }));
    expect(text).toMatch(/It takes Letterboxd's export/);
  });

  it('a 6 MB attachment is refused from its announced size, never downloaded', async () => {
    const before = discord.attachments.downloads.length;
    const big = discord.attachments.upload('ratings.csv', new Uint8Array(6 * 1024 * 1024), { contentType: 'text/csv' });
    const id = importing(big);
    const reply = await discord.waitFor(callbackOf(id));
    expect(reply.body).toMatchObject({ type: 4, data: { content: 'ratings.csv is 6.0 MB: an import can be at most 5 MB. Nothing was imported.', flags: 64 } });
    expect(discord.attachments.downloads).toHaveLength(before);
  });
});
