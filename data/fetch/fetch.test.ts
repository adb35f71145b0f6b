import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from '../dataset/types.ts';
import { fetchRelease, type FetchReleaseOptions } from './index.ts';
import { MARKER_FILE } from './marker.ts';
import { startServer, type TestServer } from './test-server.ts';
import { buildZip, md5 } from './test-zip.ts';

const MOVIES = 'movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n2,Jumanji (1995),Adventure\n';
const RATINGS = 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.5,964981247\n';
const SMALL = { 'ml-latest-small/movies.csv': MOVIES, 'ml-latest-small/ratings.csv': RATINGS };
const PREFIX = '/datasets/movielens';

let server: TestServer;
let dataDir: string;

beforeEach(async () => {
  server = await startServer();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'moviebot-fetch-'));
});

afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Publishes `zip` as `${release}.zip`, with an md5sum-style checksum file unless told otherwise. */
function publish(release: string, zip: Buffer, checksum: string | null = `${md5(zip)}  ${release}.zip\n`): void {
  server.routes.set(`${PREFIX}/${release}.zip`, { body: zip });
  if (checksum !== null) server.routes.set(`${PREFIX}/${release}.zip.md5`, { body: checksum });
}

function options(extra: Partial<FetchReleaseOptions> = {}): FetchReleaseOptions {
  return { release: 'ml-latest-small', baseUrl: server.baseUrl, dataDir, ...extra };
}

const zipHits = (release = 'ml-latest-small') => server.hits.get(`${PREFIX}/${release}.zip`) ?? 0;

/** Everything left in dataDir, to prove a failure leaves nothing that looks complete. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dataDir, { recursive: true })).map(String).sort();
}

describe('fetchRelease', () => {
  it('downloads, verifies and unpacks a release', async () => {
    const zip = await buildZip(SMALL);
    publish('ml-latest-small', zip);
    const lines: string[] = [];

    const result = await fetchRelease(options({ log: (line) => lines.push(line) }));

    expect(result).toEqual({ dir: path.join(dataDir, 'ml-latest-small'), bytes: zip.length, md5: md5(zip) });
    expect(await readFile(path.join(result.dir, 'movies.csv'), 'utf8')).toBe(MOVIES);
    expect(await readFile(path.join(result.dir, 'ratings.csv'), 'utf8')).toBe(RATINGS);
    expect(existsSync(path.join(result.dir, MARKER_FILE))).toBe(true);
    expect(await readdir(path.join(dataDir, 'downloads'))).toEqual(['ml-latest-small.zip']);
    expect(lines.some((l) => l.includes('Checksum OK'))).toBe(true);
  });

  it('accepts a bare hex checksum and a base URL with a trailing slash', async () => {
    const zip = await buildZip(SMALL);
    publish('ml-latest-small', zip, md5(zip).toUpperCase());
    const result = await fetchRelease(options({ baseUrl: `${server.baseUrl}/` }));
    expect(result.md5).toBe(md5(zip));
  });

  it('does nothing, without any request, when the release is already unpacked', async () => {
    publish('ml-latest-small', await buildZip(SMALL));
    const first = await fetchRelease(options());
    const before = new Map(server.hits);
    const lines: string[] = [];

    const second = await fetchRelease(options({ log: (line) => lines.push(line) }));

    expect(second).toEqual(first);
    expect(server.hits).toEqual(before);
    expect(lines.join('\n')).toMatch(/already unpacked/);
  });

  it('reuses a verified zip instead of downloading it again', async () => {
    publish('ml-latest-small', await buildZip(SMALL));
    const first = await fetchRelease(options());
    await rm(first.dir, { recursive: true });

    const second = await fetchRelease(options());

    expect(zipHits()).toBe(1);
    expect(second).toEqual(first);
    expect(await readFile(path.join(second.dir, 'movies.csv'), 'utf8')).toBe(MOVIES);
  });

  it('downloads again when the zip in downloads/ does not match the checksum', async () => {
    publish('ml-latest-small', await buildZip(SMALL));
    await mkdir(path.join(dataDir, 'downloads'));
    await writeFile(path.join(dataDir, 'downloads', 'ml-latest-small.zip'), 'truncated');

    await fetchRelease(options());

    expect(zipHits()).toBe(1);
  });

  it('fails on a checksum mismatch and leaves no release folder or zip', async () => {
    const zip = await buildZip(SMALL);
    const wrong = 'f'.repeat(32);
    publish('ml-latest-small', zip, `${wrong}  ml-latest-small.zip\n`);

    await expect(fetchRelease(options())).rejects.toThrow(new RegExp(`checksum mismatch: expected ${wrong}, got ${md5(zip)}`));
    expect(await leftovers()).toEqual(['downloads']);
  });

  it('fails with the URL and status when the zip is not there', async () => {
    server.routes.set(`${PREFIX}/ml-latest-small.zip.md5`, { body: 'f'.repeat(32) });
    const err = await fetchRelease(options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toBe(`could not download ${server.baseUrl}/ml-latest-small.zip: HTTP 404 Not Found`);
    expect(await leftovers()).toEqual(['downloads']);
  });

  it('fails on a server error', async () => {
    server.routes.set(`${PREFIX}/ml-latest-small.zip.md5`, { status: 500, body: 'oops' });
    await expect(fetchRelease(options())).rejects.toThrow(/ml-latest-small\.zip\.md5: HTTP 500/);
  });

  it('refuses to go on without a published checksum unless verify is off', async () => {
    const zip = await buildZip(SMALL);
    publish('ml-latest-small', zip, null);
    await expect(fetchRelease(options())).rejects.toThrow(/no checksum published at .*ml-latest-small\.zip\.md5.*--no-verify/);
    expect(zipHits()).toBe(0);

    const result = await fetchRelease(options({ verify: false }));
    expect(result.md5).toBe(md5(zip));
  });

  it('names the URL and the reason when the connection is refused', async () => {
    const port = await closedPort();
    const baseUrl = `http://127.0.0.1:${port}/movielens`;
    await expect(fetchRelease(options({ baseUrl }))).rejects.toThrow(
      `could not download ${baseUrl}/ml-latest-small.zip.md5: connection refused (ECONNREFUSED)`,
    );
  });

  it('stops on abort and leaves no partial download', async () => {
    const zip = await buildZip(SMALL);
    publish('ml-latest-small', zip);
    server.routes.set(`${PREFIX}/ml-latest-small.zip`, { body: zip, stall: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    await expect(fetchRelease(options({ signal: controller.signal }))).rejects.toThrow(/ml-latest-small\.zip was aborted/);
    expect(await leftovers()).toEqual(['downloads']);
  });

  it.each([
    ['a parent-directory entry', 'ml-latest-small/zz/evil.txt', 'ml-latest-small/../evil.txt'],
    ['an absolute entry', 'aaaa/evil.txt', '/tmp/evil.txt'],
  ])('rejects a zip with %s (zip-slip)', async (_label, safe, unsafe) => {
    const zip = await buildZip({ ...SMALL, [safe]: 'pwned' }, { from: safe, to: unsafe });
    publish('ml-latest-small', zip);

    await expect(fetchRelease(options())).rejects.toThrow(`entry "${unsafe}" points outside the release folder`);
    expect(await leftovers()).toEqual(['downloads']);
    expect(existsSync(path.join(dataDir, 'evil.txt'))).toBe(false);
  });

  it('rejects an unknown release name, listing the valid ones, without any request', async () => {
    const err = await fetchRelease(options({ release: 'ml-99m' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toMatch(/unknown MovieLens release "ml-99m".*ml-latest-small, .*ml-25m, ml-32m/);
    expect(server.hits.size).toBe(0);
  });

  it('unpacks ml-10m into the ml-10M100K folder', async () => {
    publish('ml-10m', await buildZip({ 'ml-10M100K/movies.dat': '1::Toy Story (1995)::Animation\n' }));
    const result = await fetchRelease(options({ release: 'ml-10m' }));
    expect(result.dir).toBe(path.join(dataDir, 'ml-10M100K'));
    expect(existsSync(path.join(result.dir, 'movies.dat'))).toBe(true);
  });

  it('refuses to overwrite a release folder it did not unpack', async () => {
    publish('ml-latest-small', await buildZip(SMALL));
    await mkdir(path.join(dataDir, 'ml-latest-small'));
    await expect(fetchRelease(options())).rejects.toThrow(/was not unpacked by "moviebot data fetch"/);
    expect(zipHits()).toBe(0);
  });
});

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
