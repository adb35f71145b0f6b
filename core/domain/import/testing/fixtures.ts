/** Test support: the real-format export files beside this one, read as uploads. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFile } from '../types.ts';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture as an upload named like its file ("letterboxd/likes/films.csv" arrives as "films.csv", as from a chat). */
export function fixture(relative: string, name = path.basename(relative)): ImportFile {
  return { name, bytes: fs.readFileSync(path.join(FIXTURES_DIR, relative)) };
}

/** An upload made of text. */
export function textFile(name: string, text: string): ImportFile {
  return { name, bytes: Buffer.from(text, 'utf8') };
}

/** The Letterboxd export's four files, by their path in the export. */
export const LETTERBOXD_EXPORT = ['ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv'] as const;

/**
 * The fixture file behind each path of the export. The ratings are kept as
 * letterboxd-ratings.csv (the name a person downloads it as), so no tracked
 * file carries MovieLens's own file name.
 */
export function letterboxdFixture(exportPath: (typeof LETTERBOXD_EXPORT)[number]): string {
  return path.join('letterboxd', exportPath === 'ratings.csv' ? 'letterboxd-ratings.csv' : exportPath);
}
