import { beforeEach, describe, expect, it } from 'vitest';
import { TasteChanges, type TasteChange } from '../events/taste-changes.ts';
import { MOVIES, smallImportCatalog as catalog } from '../import/testing/catalog.ts';
import { fixture, textFile } from '../import/testing/fixtures.ts';
import { MemoryArchiveReader, ZIP_UPLOAD } from '../import/testing/memory-archive.ts';
import { MAX_IMPORT_BYTES } from '../import/limits.ts';
import { subscribeBackgroundWork, RECOMPUTE_DEBOUNCE_MS } from '../subscribers/index.ts';
import { MemoryCommunities } from '../testing/memory-communities.ts';
import { MemoryReadyLists } from '../testing/memory-ready-lists.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../testing/memory-stores.ts';
import { MemoryImports, MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { RecordingQueue } from '../testing/recording-queue.ts';
import { importedTasteText, importTaste, joinCommunity, recordFeedback, watchlist, type CommunityDeps, type ImportDeps } from './index.ts';

const ann = { platform: 'console' as const, platformUserId: 'ann' };
const RATINGS = fixture('letterboxd/letterboxd-ratings.csv');
/** What ratings.csv holds of the small catalog: The Matrix, Amélie, Star Wars 👍; Titanic 👎; Lock, Stock and Heat seen. */
const MATCHED = { like: [MOVIES.matrix.id, MOVIES.amelie.id, MOVIES.starWars.id], dislike: [MOVIES.titanic.id], seen: [MOVIES.lock.id, MOVIES.heat.id] };

let deps: ImportDeps & CommunityDeps & { feedback: MemoryFeedback; seen: MemorySeen; imports: MemoryImports; recommendations: MemoryReadyLists };
let accounts: MemoryAccounts;
let jobs: RecordingQueue;
let announced: TasteChange[];

function withArchive(archives: MemoryArchiveReader) {
  return { ...deps, archives };
}

beforeEach(() => {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const seen = new MemorySeen();
  const later = new MemoryWatchlist();
  const communities = new MemoryCommunities({ favorites, feedback });
  accounts = new MemoryAccounts([(id) => communities.dropUser(id)]);
  const changes = new TasteChanges();
  announced = [];
  changes.subscribe((change) => announced.push(change));
  jobs = new RecordingQueue();
  subscribeBackgroundWork(changes, { jobs, communities, log: { warn: () => undefined } });
  deps = {
    accounts,
    favorites,
    feedback,
    seen,
    watchlist: later,
    communities,
    imports: new MemoryImports({ feedback, seen, watchlist: later }),
    archives: new MemoryArchiveReader('corrupt'),
    recommendations: new MemoryReadyLists(),
    catalog,
    changes,
    model: () => null,
  };
});

const userOf = async () => (await accounts.findUser('console', 'ann'))!;
const nothingStored = async () => {
  expect(accounts.accounts.size).toBe(0);
  expect(deps.feedback.events).toEqual([]);
  expect(deps.imports.applied).toEqual([]);
  expect(announced).toEqual([]);
  expect(jobs.queued).toEqual([]);
};

describe('importing a taste', () => {
  it('stores 👍/👎 as imported feedback and the rest as seen, in one write, and sums it up', async () => {
    const result = await importTaste(deps, { identity: ann, file: RATINGS });
    expect(result).toMatchObject({ films: 6, counts: { like: 3, dislike: 1, seen: 2, watchlist: 0 }, stored: { like: 3, dislike: 1, seen: 2, watchlist: 0 } });
    expect(result.notFound).toHaveLength(26);
    expect(importedTasteText(result)).toMatch(/^Imported 6 films: 3 👍, 1 👎, 2 seen; 26 not found: Pulp Fiction \(1994\), .* and 16 more\.$/);
    const userId = await userOf();
    const current = await deps.feedback.current(userId);
    expect([...current].filter(([, v]) => v === 1).map(([id]) => id)).toEqual(MATCHED.like);
    expect([...current].filter(([, v]) => v === -1).map(([id]) => id)).toEqual(MATCHED.dislike);
    expect(deps.feedback.events.every((e) => e.source === 'import')).toBe(true);
    expect([...(await deps.seen.list(userId))].sort()).toEqual([...MATCHED.seen].sort());
    expect(deps.imports.applied).toEqual([{ userId, rows: 6 }]);
  });

  it('drops the ready list and announces once, so one recompute follows, not one per row', async () => {
    await joinCommunity(deps, ann, { platform: 'console', id: 'club' });
    jobs.queued.length = 0;
    announced.length = 0;
    await importTaste(deps, { identity: ann, file: RATINGS });
    const userId = await userOf();
    expect(announced).toEqual([{ type: 'taste-imported', userId, stored: 6 }]);
    expect(deps.recommendations.invalidated).toEqual([userId]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.queued.filter((j) => j.name === 'recompute-user')).toEqual([
      { name: 'recompute-user', data: { userId }, options: { debounceKey: String(userId), debounceMs: RECOMPUTE_DEBOUNCE_MS } },
    ]);
    expect(jobs.of('recompute-server')).toHaveLength(1);
  });

  it('imported again, stores nothing, announces nothing and says so', async () => {
    await importTaste(deps, { identity: ann, file: RATINGS });
    const events = deps.feedback.events.length;
    announced.length = 0;
    const again = await importTaste(deps, { identity: ann, file: RATINGS });
    expect(again.stored).toEqual({ like: 0, dislike: 0, seen: 0, watchlist: 0 });
    expect(again.counts).toEqual({ like: 3, dislike: 1, seen: 2, watchlist: 0 });
    expect(deps.feedback.events).toHaveLength(events);
    expect(announced).toEqual([]);
    expect(importedTasteText(again)).toMatch(/\. All of it was already here, so nothing changed\.$/);
  });

  it('keeps a 👍 or 👎 given here over the file’s', async () => {
    await recordFeedback(deps, { identity: ann, movieId: MOVIES.titanic.id, value: 1, source: 'button' });
    await recordFeedback(deps, { identity: ann, movieId: MOVIES.matrix.id, value: -1, source: 'button' });
    const result = await importTaste(deps, { identity: ann, file: RATINGS });
    expect(result.stored).toEqual({ like: 2, dislike: 0, seen: 2, watchlist: 0 });
    const current = await deps.feedback.current(await userOf());
    expect([current.get(MOVIES.titanic.id), current.get(MOVIES.matrix.id), current.get(MOVIES.amelie.id)]).toEqual([1, -1, 1]);
  });

  it("reads Letterboxd's whole export: a watchlist too, listed by /watchlist", async () => {
    const csv = (rows: string[], header = 'Date,Name,Year,Letterboxd URI') => [header, ...rows].join('\n');
    const archives = new MemoryArchiveReader([
      { name: 'ratings.csv', bytes: csv(['2023-01-04,The Matrix,1999,https://boxd.it/2a1m,5'], 'Date,Name,Year,Letterboxd URI,Rating') },
      { name: 'watched.csv', bytes: csv(['2023-01-04,The Matrix,1999,https://boxd.it/2a1m', '2023-02-01,Heat,1995,https://boxd.it/2aTs']) },
      { name: 'watchlist.csv', bytes: csv(['2022-11-01,Titanic,1997,https://boxd.it/2aJk', '2022-11-02,Stalker,1979,https://boxd.it/2ai8']) },
      { name: 'likes/films.csv', bytes: csv([]) },
    ]);
    const result = await importTaste(withArchive(archives), { identity: ann, file: ZIP_UPLOAD });
    expect(importedTasteText(result)).toBe('Imported 3 films: 1 👍, 1 seen, 1 to watch; 1 not found: Stalker (1979).');
    expect((await watchlist(deps, ann)).map((m) => m.id)).toEqual([MOVIES.titanic.id]);
    expect(archives.closed).toBe(archives.opened);
  });

  it('a file of which nothing matches stores nothing and creates no one', async () => {
    const result = await importTaste(deps, { identity: ann, file: fixture('letterboxd/watchlist.csv') });
    expect(importedTasteText(result)).toBe(
      'Nothing imported; 5 not found: Seven Samurai (1954), Stalker (1979), The Seventh Seal (1957), Paris, Texas (1984), Inception (2010).',
    );
    await nothingStored();
  });
});

describe('an import refused', () => {
  const refused = (file: Parameters<typeof importTaste>[1]['file'], archives?: MemoryArchiveReader) =>
    importTaste(archives ? withArchive(archives) : deps, { identity: ann, file });

  it('an empty file, one too large, another site’s CSV: a UserError, nothing stored, nobody created', async () => {
    await expect(refused(fixture('empty.csv'))).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(refused({ name: 'big.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: MAX_IMPORT_BYTES, unit: 'bytes' },
    });
    await expect(refused(fixture('goodreads_library_export.csv'))).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN_FORMAT' });
    await expect(
      refused(textFile('ratings.csv', 'Date,Name,Year,Letterboxd URI,Rating\n2023-01-04,The Matrix,1999,https://boxd.it/2a1m,11')),
    ).rejects.toMatchObject({
      code: 'IMPORT_MALFORMED',
    });
    await nothingStored();
  });

  it('a ZIP bomb or a ZIP inside the ZIP: IMPORT_BAD_ARCHIVE, nothing stored', async () => {
    const bomb = new MemoryArchiveReader([{ name: 'ratings.csv', bytes: 'x', declaredSize: 4 * 1024 * 1024, compressedSize: 1_000 }]);
    await expect(refused(ZIP_UPLOAD, bomb)).rejects.toMatchObject({ code: 'IMPORT_BAD_ARCHIVE', details: { reason: 'bomb' } });
    const nested = new MemoryArchiveReader([
      { name: 'ratings.csv', bytes: 'Date,Name,Year,Letterboxd URI,Rating\n' },
      { name: 'inner.zip', bytes: ZIP_UPLOAD.bytes },
    ]);
    await expect(refused(ZIP_UPLOAD, nested)).rejects.toMatchObject({ code: 'IMPORT_BAD_ARCHIVE', details: { reason: 'nested' } });
    await nothingStored();
  });

  it('a store that fails the write: the error goes up, the ready list stays, nothing is announced', async () => {
    deps.imports.failWith = new Error('connection lost');
    await expect(importTaste(deps, { identity: ann, file: RATINGS })).rejects.toThrow('connection lost');
    expect(deps.feedback.events).toEqual([]);
    expect(deps.recommendations.invalidated).toEqual([]);
    expect(announced).toEqual([]);
  });
});
