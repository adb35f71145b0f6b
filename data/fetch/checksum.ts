import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { DatasetError } from '../dataset/types.ts';
import { downloadError, httpGet, type HttpOptions } from './http.ts';

/**
 * Reads the MD5 GroupLens publishes beside each zip. Accepts the md5sum form
 * (`<hex>  ml-25m.zip`), the BSD form (`MD5 (ml-25m.zip) = <hex>`) and a bare
 * hex digest. A missing file is an error, not a reason to skip verification:
 * an unverified 1 GB download is worse than a clear message.
 */
export async function fetchExpectedMd5(md5Url: string, http: HttpOptions): Promise<string> {
  const res = await httpGet(md5Url, http, true);
  if (!res) {
    throw new DatasetError(`no checksum published at ${md5Url} (HTTP 404); pass --no-verify to download without checking`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw downloadError(md5Url, err, http.signal);
  }
  const match = /\b([0-9a-f]{32})\b/i.exec(text);
  if (!match?.[1]) throw new DatasetError(`could not read an MD5 checksum from ${md5Url}`);
  return match[1].toLowerCase();
}

/** MD5 and size of a file already on disk (to decide whether to download again). */
export async function md5OfFile(file: string, signal?: AbortSignal): Promise<{ md5: string; bytes: number }> {
  const hash = createHash('md5');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { signal }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { md5: hash.digest('hex'), bytes };
}
