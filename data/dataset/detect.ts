/**
 * Finds which MovieLens release a folder holds, by the name of its movies
 * file. Ratings, tags and links are optional (a catalog-only folder has just
 * movies.csv).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayoutFormat } from './layout.ts';
import { LAYOUTS } from './layouts.ts';
import { DatasetError, type DatasetFiles } from './types.ts';

const EXPECTED = 'movies.csv (ml-latest, ml-20m/25m/32m), movies.dat (ml-1m, ml-10m) or u.item (ml-100k)';

/**
 * Detects the dataset in `dir`, or in its single subfolder holding one (an
 * unzipped archive such as `downloads/ml-latest-small/`). Throws
 * `DatasetError` when there is none, or several.
 */
export async function detectDataset(dir: string): Promise<DatasetFiles> {
  const here = await listFiles(dir);
  const found = match(dir, here.files);
  if (found) return found;
  const inside: DatasetFiles[] = [];
  for (const sub of here.folders) {
    const subdir = join(dir, sub);
    // An unreadable subfolder is simply not a candidate.
    const files = await listFiles(subdir).catch(() => undefined);
    const release = files && match(subdir, files.files);
    if (release) inside.push(release);
  }
  if (inside.length === 1) return inside[0]!;
  if (inside.length > 1) {
    throw new DatasetError(`${dir} holds several MovieLens datasets (${inside.map((d) => d.dir).join(', ')}); point at one of them`);
  }
  throw new DatasetError(`no MovieLens dataset in ${dir}: expected ${EXPECTED}`);
}

function match(dir: string, files: ReadonlySet<string>): DatasetFiles | undefined {
  const format = LAYOUTS.find((f) => files.has(f.fileNames.movies));
  return format && describe(dir, format, files);
}

function describe(dir: string, format: LayoutFormat, files: ReadonlySet<string>): DatasetFiles {
  const { movies, ratings, tags, links } = format.fileNames;
  const optional = (name: string | undefined) => (name !== undefined && files.has(name) ? join(dir, name) : undefined);
  return {
    dir,
    layout: format.layout,
    description: format.description,
    movies: join(dir, movies),
    ratings: optional(ratings),
    tags: optional(tags),
    links: optional(links),
  };
}

async function listFiles(dir: string): Promise<{ files: Set<string>; folders: string[] }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DatasetError(`dataset folder ${dir} does not exist`);
    throw err;
  }
  const files = new Set<string>();
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isFile() || entry.isSymbolicLink()) files.add(entry.name);
  }
  return { files, folders: folders.sort() };
}
