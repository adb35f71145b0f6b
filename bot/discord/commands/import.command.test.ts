import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { importCommand, importsRunning } from './import.command.ts';

const importDeps = botDeps;

/** Letterboxd's ratings.csv, in its real columns, over the bot's small catalog: 2 👍, 1 👎, 1 seen, 1 not found. */
const RATINGS = Buffer.from(
  [
    'Date,Name,Year,Letterboxd URI,Rating',
    '2023-01-04,Horror 42,2000,https://boxd.it/a1,5',
    '2023-01-05,Horror 43,2000,https://boxd.it/a2,4',
    '2023-01-06,Romance 21,2000,https://boxd.it/a3,1',
    '2023-01-07,Horror 44,2000,https://boxd.it/a4,3',
    '2023-01-08,Stalker,1979,https://boxd.it/a5,4.5',
  ].join('\n'),
);
/** Goodreads' export: another site's CSV. */
const GOODREADS = fs.readFileSync(new URL('../../../core/domain/import/testing/fixtures/goodreads_library_export.csv', import.meta.url));

const dataUrl = (bytes: Uint8Array, type = 'text/csv') => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

async function runImport(d: Awaited<ReturnType<typeof importDeps>>, file: { name: string; url: string; size: number }) {
  const i = fakeInteraction({ commandName: 'import', attachments: { file } });
  await importCommand.execute(i as never, d);
  await importsRunning();
  return i;
}

describe('/import', () => {
  it("defers privately, then edits in the summary of Letterboxd's ratings.csv; a second import changes nothing", async () => {
    const d = await importDeps();
    const [name, bytes] = ['ratings.csv', RATINGS];
    const i = await runImport(d, { name, url: dataUrl(bytes), size: bytes.byteLength });
    expect(i.deferred).toBe(true);
    expect(i.replies[0]!.content).toMatch(/^Imported 4 films: 2 👍, 1 👎, 1 seen; 1 not found: Stalker \(1979\)\. \/recommend now takes it into account\.$/);
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback.filter((f) => f.source === 'import')).toHaveLength(3);

    const again = await runImport(d, { name, url: dataUrl(bytes), size: bytes.byteLength });
    expect(again.replies[0]!.content).toMatch(/All of it was already here, so nothing changed\.$/);
  });

  it('refuses a file over 5 MB from its announced size, before downloading it', async () => {
    const d = await importDeps();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const i = await runImport(d, { name: 'big.csv', url: 'http://127.0.0.1:9/big.csv', size: 6 * 1024 * 1024 });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expect(i.deferred).toBeUndefined();
    expect(i.replies[0]!.content).toBe('big.csv is 6.0 MB: an import can be at most 5 MB. Nothing was imported.');
    expect(isEphemeral(i.replies[0]!)).toBe(true);
  });

  it('a file that lies about its size is cut off past the limit, and nothing is saved', async () => {
    const d = await importDeps();
    const big = new Uint8Array(MAX_IMPORT_BYTES + 10).fill(65);
    const i = await runImport(d, { name: 'ratings.csv', url: dataUrl(big), size: 100 });
    expect(i.replies[0]!.content).toMatch(/^ratings\.csv is 5\.0 MB: an import can be at most 5 MB\. Nothing was imported\.$/);
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toEqual([]);
  });

  it("another site's CSV gets a clear message naming the formats, and nothing is saved", async () => {
    const d = await importDeps();
    const i = await runImport(d, { name: 'goodreads_library_export.csv', url: dataUrl(GOODREADS), size: GOODREADS.byteLength });
    expect(i.replies[0]!.content).toMatch(/It takes Letterboxd's export/);
    expect(d.logger.lines).toEqual([]);
    expect((await tasteOf(d.deps, 'discord', 'u1')).feedback).toEqual([]);
  });

  it('an unreachable attachment URL says to send it again', async () => {
    const d = await importDeps();
    const i = await runImport(d, { name: 'ratings.csv', url: 'http://127.0.0.1:9/gone.csv', size: 100 });
    expect(i.replies[0]!.content).toBe('I could not download ratings.csv; please send it again. Nothing was imported.');
  });
});
