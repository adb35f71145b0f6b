import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file written into a release folder once it is fully unpacked. Its
 * presence is what "already fetched" means: a folder without it was not made
 * by `data fetch` (or predates it) and is never trusted.
 */
export const MARKER_FILE = '.moviebot-complete';

export interface Marker {
  release: string;
  md5: string;
  bytes: number;
  unpackedAt: string;
}

export async function readMarker(dir: string): Promise<Marker | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MARKER_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as Partial<Marker>;
    if (typeof data.md5 !== 'string' || typeof data.bytes !== 'number' || typeof data.release !== 'string') return null;
    return { release: data.release, md5: data.md5, bytes: data.bytes, unpackedAt: String(data.unpackedAt ?? '') };
  } catch {
    return null;
  }
}

export async function writeMarker(dir: string, marker: Marker): Promise<void> {
  await writeFile(path.join(dir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}
