import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { DatasetError } from '../dataset/types.ts';
import { createProgress } from '../progress.ts';
import { downloadError, httpGet, type HttpOptions } from './http.ts';

export interface DownloadOptions extends HttpOptions {
  /** Lowercase hex MD5 the bytes must have; undefined skips the check. */
  expectedMd5: string | undefined;
  label: string;
}

/**
 * Streams `url` into `${target}.part`, hashing on the way, and renames it to
 * `target` only once complete and verified. So a file named `target` is always
 * a whole download, and a failure never leaves one behind.
 */
export async function downloadFile(url: string, target: string, options: DownloadOptions): Promise<{ bytes: number; md5: string }> {
  const part = `${target}.part`;
  const res = await httpGet(url, options);
  if (!res?.body) throw new DatasetError(`could not download ${url}: the server sent an empty response`);
  // With Content-Encoding the header counts compressed bytes, not what we receive.
  const lengthHeader = res.headers.get('content-encoding') ? null : res.headers.get('content-length');
  const expectedBytes = lengthHeader === null ? undefined : Number(lengthHeader);
  const hash = createHash('md5');
  let bytes = 0;
  const progress = createProgress({ label: options.label, total: expectedBytes, unit: 'bytes' });
  try {
    try {
      await pipeline(
        // undici's and Node's ReadableStream typings differ though the class is the same.
        Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>),
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            bytes += chunk.length;
            progress.update(bytes);
            yield chunk;
          }
        },
        createWriteStream(part),
        { signal: options.signal },
      );
    } catch (err) {
      throw downloadError(url, err, options.signal);
    }
    if (expectedBytes !== undefined && Number.isFinite(expectedBytes) && bytes !== expectedBytes) {
      throw new DatasetError(`download of ${url} ended early: got ${bytes} of ${expectedBytes} bytes`);
    }
    const md5 = hash.digest('hex');
    if (options.expectedMd5 !== undefined && md5 !== options.expectedMd5) {
      throw new DatasetError(`checksum mismatch: expected ${options.expectedMd5}, got ${md5} (downloaded from ${url})`);
    }
    await rename(part, target);
    return { bytes, md5 };
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  } finally {
    progress.done();
  }
}
