/**
 * The paths `moviebot recommend` is given, checked before any work so a
 * mistake is one plain sentence, and the output written to a partial file
 * renamed into place at the end, so a failure leaves no half-written output.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { RecommendInputError } from './input-error.ts';

/** Plain words for what went wrong with a path; anything that is not a file-system error is rethrown. */
function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === undefined) throw err;
  const plain: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return plain[code] ?? (err as Error).message;
}

const folderName = (dir: string) => (dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);

export const cannotRead = (file: string, err: unknown) => new RecommendInputError(`cannot read ${file}: ${reason(err)}`);
const cannotWrite = (file: string, err: unknown) => new RecommendInputError(`cannot write ${file}: ${reason(err)}`);

/** --in: an existing file. */
export async function checkInputFile(file: string): Promise<void> {
  const stat = await fs.stat(file).catch((err: unknown) => {
    throw cannotRead(file, err);
  });
  if (stat.isDirectory()) throw new RecommendInputError(`cannot read ${file}: it is a folder, not a file`);
}

/** --model: an existing folder (whether it holds a model is for loadModel to say). */
export async function checkModelFolder(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RecommendInputError(`model folder ${folderName(dir)} does not exist; train one with: moviebot train --model ${dir}`);
    }
    throw new RecommendInputError(`cannot read the model in ${dir}: ${reason(err)}`);
  });
  if (!stat.isDirectory()) throw new RecommendInputError(`${dir} is a file, not a model folder (written by: moviebot train --model <folder>)`);
}

/** --out: a file (new or to replace) in an existing folder. */
export async function checkOutputFile(file: string): Promise<void> {
  const folder = path.dirname(file);
  const parent = await fs.stat(folder).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new RecommendInputError(`cannot write ${file}: folder ${folderName(folder)} does not exist`);
    throw cannotWrite(file, err);
  });
  if (!parent.isDirectory()) throw new RecommendInputError(`cannot write ${file}: ${folder} is a file, not a folder`);
  const existing = await fs.stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new RecommendInputError(`cannot write ${file}: it is a folder, not a file`);
}

/** Buffered writes to `<file>.partial-<pid>`; `commit` renames it to `file`, `discard` removes it. */
export class OutputFile {
  private pending: string[] = [];
  private pendingChars = 0;

  private constructor(
    readonly file: string,
    private readonly partial: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async open(file: string): Promise<OutputFile> {
    await checkOutputFile(file);
    const partial = `${file}.partial-${process.pid}`;
    const handle = await fs.open(partial, 'w').catch((err: unknown) => {
      throw cannotWrite(file, err);
    });
    return new OutputFile(file, partial, handle);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 64 * 1024) await this.flush();
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await fs.rename(this.partial, this.file).catch((err: unknown) => {
      throw cannotWrite(this.file, err);
    });
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await fs.rm(this.partial, { force: true });
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.handle.write(text).catch((err: unknown) => {
      throw cannotWrite(this.file, err);
    });
  }
}
