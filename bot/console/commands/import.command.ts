import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importedTasteText, importTaste, MAX_IMPORT_BYTES } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

/** Reading, matching and storing a large export takes seconds, more than a chat answer may (ANSWER_DEADLINE_MS). */
export const IMPORT_DEADLINE_MS = 60_000;

const FORMATS = "Letterboxd's export (the ZIP, or its ratings.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings CSV or Trakt's JSON";
const MB = 1024 * 1024;

/** import <path>: another site's export, read from this computer. */
export const importCommand: ConsoleCommand = {
  names: ['import'],
  usage: 'import <path>',
  help: "import your ratings, watched films and watchlist: Letterboxd's export, IMDb's or Trakt's",
  deadlineMs: IMPORT_DEADLINE_MS,
  async run(ctx, args) {
    const given = unquote(args.trim());
    if (given === '') return [`Give the file to import: import <path> — ${FORMATS}.`];
    const file = await readUpload(given);
    if (typeof file === 'string') return [file];
    const result = await importTaste(ctx.deps, { identity: ctx.identity, file });
    const changed = Object.values(result.stored).some((n) => n > 0);
    const next = changed ? ['Type rec for recommendations that take it into account.'] : [];
    return [importedTasteText(result), ...next];
  },
};

/** The file's name and bytes, or what to tell the person; the size is checked before a byte is read, and the read stops past the limit. */
async function readUpload(given: string): Promise<{ name: string; bytes: Uint8Array } | string> {
  const where = given.startsWith('~/') ? path.join(os.homedir(), given.slice(2)) : given;
  const name = path.basename(where);
  let handle: fs.FileHandle;
  try {
    const stat = await fs.stat(where);
    if (stat.isDirectory()) return `${given} is a folder: give the export file itself (the ZIP, or a CSV or JSON from it).`;
    if (!stat.isFile()) return `${given} is not a file.`;
    if (stat.size > MAX_IMPORT_BYTES) return tooLarge(name, stat.size);
    handle = await fs.open(where, 'r');
  } catch (err) {
    return unreadable(given, err);
  }
  try {
    // One byte past the limit tells a file that grew since it was measured.
    const buffer = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    let size = 0;
    while (size < buffer.length) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    if (size > MAX_IMPORT_BYTES) return tooLarge(name, size);
    return { name, bytes: buffer.subarray(0, size) };
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, size: number): string {
  return `${name} is ${(size / MB).toFixed(1)} MB: an import can be at most ${MAX_IMPORT_BYTES / MB} MB. Nothing was imported.`;
}

function unreadable(given: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `No file at ${given}. Give the path of the export, e.g. import ~/Downloads/letterboxd-export.zip`;
  if (code === 'EACCES' || code === 'EPERM') return `Cannot read ${given}: permission denied.`;
  throw err;
}

function unquote(text: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(text);
  return quoted ? quoted[2]! : text;
}
