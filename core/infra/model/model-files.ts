import fs from 'node:fs/promises';
import path from 'node:path';

/** Typed arrays on disk as raw little-endian bytes (the machine's order; x86 and ARM are little-endian). */
export async function writeArray(dir: string, name: string, array: ArrayBufferView): Promise<void> {
  await fs.writeFile(path.join(dir, name), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

export async function readArray<T>(
  dir: string,
  name: string,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  expectedLength: number,
): Promise<T> {
  const bytes = await fs.readFile(path.join(dir, name));
  if (bytes.byteLength !== expectedLength * Kind.BYTES_PER_ELEMENT) {
    throw new Error(`${name}: expected ${expectedLength} values, found ${bytes.byteLength / Kind.BYTES_PER_ELEMENT}`);
  }
  // Copy into a fresh, aligned buffer (Buffer slices may be unaligned).
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return new Kind(buffer);
}

/**
 * Replaces `dir` with what `fill` writes, atomically: a crash leaves either
 * the old model or the new one, never half of one.
 */
export async function writeDirectoryAtomically(dir: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  await fs.mkdir(parent, { recursive: true });
  const tmp = await fs.mkdtemp(path.join(parent, `.${path.basename(dir)}.partial-`));
  try {
    await fill(tmp);
    const old = `${tmp.replace('.partial-', '.old-')}`;
    const hadOld = await fs.rename(dir, old).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
    await fs.rename(tmp, dir);
    if (hadOld) await fs.rm(old, { recursive: true, force: true });
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
