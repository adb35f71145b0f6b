import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DatasetError } from '../dataset/types.ts';
import { extractZip } from './extract.ts';
import { writeMarker, type Marker } from './marker.ts';

export interface UnpackOptions {
  /** Scratch space on the same filesystem as `finalDir`, so the last rename is atomic. */
  scratchDir: string;
  marker: Marker;
  signal?: AbortSignal;
}

/**
 * Unpacks a release zip into a scratch folder, writes the completion marker,
 * then renames the release folder into place in one step. A crash at any
 * point leaves either nothing at `finalDir` or a complete, marked release.
 */
export async function unpackRelease(zipPath: string, finalDir: string, { scratchDir, marker, signal }: UnpackOptions): Promise<void> {
  const folder = path.basename(finalDir);
  await removeLeftovers(scratchDir, folder);
  const tmp = await mkdtemp(path.join(scratchDir, `${folder}${SCRATCH_INFIX}`));
  try {
    await extractZip(zipPath, tmp, { signal, label: `Unpacking ${path.basename(zipPath)}` });
    const root = await releaseRoot(tmp);
    await writeMarker(root, marker);
    try {
      await rename(root, finalDir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        throw new DatasetError(`${finalDir} appeared while unpacking (is another fetch running?); remove it and try again`);
      }
      throw err;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const SCRATCH_INFIX = '.unpacking-';

// A crash mid-unpack leaves a scratch folder as large as the release (~1 GB
// for ml-32m); the next attempt at the same release clears it.
async function removeLeftovers(scratchDir: string, folder: string): Promise<void> {
  const names = await readdir(scratchDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(`${folder}${SCRATCH_INFIX}`)) await rm(path.join(scratchDir, name), { recursive: true, force: true });
  }
}

// MovieLens zips hold one top-level folder (`ml-25m/…`); should one ever
// come flat, the scratch folder itself is the release.
async function releaseRoot(tmp: string): Promise<string> {
  const children = await readdir(tmp, { withFileTypes: true });
  const only = children[0];
  return children.length === 1 && only?.isDirectory() ? path.join(tmp, only.name) : tmp;
}
