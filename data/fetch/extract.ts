import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DatasetError } from '../dataset/types.ts';
import { createProgress } from '../progress.ts';

/** The archive itself is broken or hostile (as opposed to, say, a full disk). */
export class BadArchiveError extends DatasetError {}

export interface ExtractOptions {
  signal?: AbortSignal;
  label: string;
}

/**
 * Unzips every entry of `zipPath` under `destDir`. All entry names are checked
 * before the first byte is written, so a hostile archive (zip-slip: `../x`,
 * `/etc/x`) is refused without touching the disk.
 */
export async function extractZip(zipPath: string, destDir: string, { signal, label }: ExtractOptions): Promise<void> {
  let zip: ZipFile;
  try {
    // autoClose off: entries are listed first and read afterwards.
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw unpackError(zipPath, err);
  }
  try {
    const entries: Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) entries.push(entry);
    } catch (err) {
      throw unpackError(zipPath, err);
    }
    if (entries.length === 0) throw new BadArchiveError(`could not unpack ${zipPath}: the archive is empty`);
    const planned = entries.map((entry) => ({ entry, target: safeTarget(zipPath, destDir, entry.fileName) }));

    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    const progress = createProgress({ label, total, unit: 'bytes' });
    let done = 0;
    try {
      for (const { entry, target } of planned) {
        if (signal?.aborted) throw new DatasetError(`unpacking ${zipPath} was aborted`);
        if (entry.fileName.endsWith('/')) {
          await mkdir(target, { recursive: true });
          continue;
        }
        await mkdir(path.dirname(target), { recursive: true });
        try {
          const stream = await zip.openReadStreamPromise(entry);
          await pipeline(
            stream,
            async function* (source: AsyncIterable<Buffer>) {
              for await (const chunk of source) {
                done += chunk.length;
                progress.update(done);
                yield chunk;
              }
            },
            createWriteStream(target),
            { signal },
          );
        } catch (err) {
          if (signal?.aborted) throw new DatasetError(`unpacking ${zipPath} was aborted`);
          throw unpackError(zipPath, err);
        }
      }
    } finally {
      progress.done();
    }
  } finally {
    zip.close();
  }
}

/** Where an entry goes, or a DatasetError when it would land outside `destDir`. */
function safeTarget(zipPath: string, destDir: string, name: string): string {
  const segments = name.split('/');
  const root = path.resolve(destDir);
  const target = path.resolve(root, name);
  const unsafe =
    name.includes('\\') ||
    name.includes('\0') ||
    path.isAbsolute(name) ||
    /^[a-zA-Z]:/.test(name) ||
    segments.includes('..') ||
    (target !== root && !target.startsWith(root + path.sep));
  if (unsafe) throw unsafeEntry(zipPath, name);
  return target;
}

function unsafeEntry(zipPath: string, name: string): DatasetError {
  return new BadArchiveError(`refusing to unpack ${zipPath}: entry "${name}" points outside the release folder`);
}

// yauzl already rejects `..` and absolute names while listing; its messages
// are reworded so the user sees the same explanation whichever check fires.
const YAUZL_UNSAFE = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s;

function unpackError(zipPath: string, err: unknown): DatasetError {
  if (err instanceof DatasetError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const unsafe = YAUZL_UNSAFE.exec(message);
  if (unsafe) return unsafeEntry(zipPath, unsafe[1] ?? '');
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  // A filesystem error (disk full, permissions) is not the archive's fault.
  if (code && (err as NodeJS.ErrnoException).syscall) return new DatasetError(`could not unpack ${zipPath}: ${message}`);
  return new BadArchiveError(`could not unpack ${zipPath}: ${message} (the file looks corrupt)`);
}
