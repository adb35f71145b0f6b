import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatasetError } from '../dataset/types.ts';
import { fetchExpectedMd5, md5OfFile } from './checksum.ts';
import { downloadFile } from './download.ts';
import { BadArchiveError } from './extract.ts';
import { MARKER_FILE, readMarker } from './marker.ts';
import { resolveRelease } from './releases.ts';
import { unpackRelease } from './unpack.ts';

export { RELEASE_NAMES, type ReleaseName } from './releases.ts';

export interface FetchReleaseOptions {
  /** e.g. `ml-latest-small`, `ml-25m`, `ml-32m` (see RELEASE_NAMES). */
  release: string;
  /** Where GroupLens zips live, e.g. https://files.grouplens.org/datasets/movielens */
  baseUrl: string;
  /** DATA_DIR: zips go to `downloads/`, the release folder beside it. */
  dataDir: string;
  /** Check the download against the published `.zip.md5` (default true; `--no-verify` sets false). */
  verify?: boolean;
  signal?: AbortSignal;
  /** One human-readable line per step. */
  log?: (line: string) => void;
  /** For tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

export interface FetchedRelease {
  /** The unpacked release folder, e.g. `DATA_DIR/ml-latest-small`. */
  dir: string;
  /** Size of the zip. */
  bytes: number;
  /** MD5 of the zip (lowercase hex). */
  md5: string;
}

/**
 * Makes `release` available under `dataDir`: downloads the zip (unless a
 * verified copy is already there), checks its MD5, and unpacks it. Does
 * nothing, and needs no network, when the release is already unpacked.
 * Expected failures (bad name, HTTP error, checksum mismatch, hostile zip,
 * abort) throw DatasetError with a message fit for the user.
 */
export async function fetchRelease(options: FetchReleaseOptions): Promise<FetchedRelease> {
  const { dataDir, signal, fetchImpl, verify = true } = options;
  const log = options.log ?? (() => {});
  const release = resolveRelease(options.release, options.baseUrl);
  const dir = path.resolve(dataDir, release.folder);
  const downloads = path.resolve(dataDir, 'downloads');
  const zipPath = path.join(downloads, `${release.name}.zip`);

  const marker = await readMarker(dir);
  if (marker) {
    log(`${release.name} is already unpacked in ${dir}; nothing to do`);
    return { dir, bytes: marker.bytes, md5: marker.md5 };
  }
  if (await exists(dir)) {
    throw new DatasetError(
      `${dir} exists but was not unpacked by "moviebot data fetch" (no ${MARKER_FILE}); remove it to fetch again, or set MOVIELENS_DIR to use it as is`,
    );
  }
  await mkdir(downloads, { recursive: true });

  const http = { fetchImpl, signal };
  const expectedMd5 = verify ? await fetchExpectedMd5(release.md5Url, http) : undefined;
  let zip = await reusableZip(zipPath, expectedMd5, signal, log);
  if (!zip) {
    log(`Downloading ${release.zipUrl}`);
    zip = await downloadFile(release.zipUrl, zipPath, { ...http, expectedMd5, label: `Downloading ${release.name}.zip` });
    log(verify ? `Checksum OK (${zip.md5})` : `Downloaded without checking the checksum (${zip.md5})`);
  }

  log(`Unpacking ${zipPath}`);
  try {
    await unpackRelease(zipPath, dir, {
      scratchDir: downloads,
      signal,
      marker: { release: release.name, md5: zip.md5, bytes: zip.bytes, unpackedAt: new Date().toISOString() },
    });
  } catch (err) {
    // Keeping a corrupt zip would make every later run fail the same way
    // without downloading again.
    if (err instanceof BadArchiveError) await rm(zipPath, { force: true });
    throw err;
  }
  log(`${release.name} is ready in ${dir}`);
  return { dir, ...zip };
}

/** The zip already in downloads/, if it matches the published checksum. */
async function reusableZip(
  zipPath: string,
  expectedMd5: string | undefined,
  signal: AbortSignal | undefined,
  log: (line: string) => void,
): Promise<{ bytes: number; md5: string } | null> {
  if (!(await exists(zipPath))) return null;
  let found: { bytes: number; md5: string };
  try {
    found = await md5OfFile(zipPath, signal);
  } catch (err) {
    if (signal?.aborted) throw new DatasetError(`checking ${zipPath} was aborted`);
    throw err;
  }
  // Without a checksum, a file only gets this name after a complete download.
  if (expectedMd5 === undefined || found.md5 === expectedMd5) {
    log(`Using the earlier download ${zipPath}`);
    return found;
  }
  log(`${zipPath} does not match the published checksum; downloading it again`);
  await rm(zipPath, { force: true });
  return null;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
