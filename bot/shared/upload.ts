import { MAX_IMPORT_BYTES } from '../../core/index.ts';

/** How long downloading an uploaded file may take before the person is told to try again. */
export const DOWNLOAD_TIMEOUT_MS = 20_000;

const MB = 1024 * 1024;

/** An uploaded file as read, or what to tell the person instead (nothing is imported then). */
export type Upload = { name: string; bytes: Uint8Array } | { problem: string };

/** The answer to a file over the import limit; said before any byte is downloaded when the platform tells the size. */
export function tooLargeText(name: string, size: number): string {
  return `${name} is ${(size / MB).toFixed(1)} MB: an import can be at most ${MAX_IMPORT_BYTES / MB} MB. Nothing was imported.`;
}

/**
 * Downloads an uploaded file (a Discord attachment URL, a Telegram file
 * URL) for an import, within `timeoutMs`, and stops reading one byte past
 * the limit: the size the platform announced is checked before, but is not
 * trusted to be what arrives.
 */
export async function downloadUpload(url: string, name: string, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Upload> {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS) });
  } catch {
    return { problem: `I could not download ${name}; please send it again. Nothing was imported.` };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { problem: `I could not download ${name} (HTTP ${response.status}); please send it again. Nothing was imported.` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > max) {
        await response.body.cancel().catch(() => undefined);
        return { problem: tooLargeText(name, size) };
      }
      chunks.push(chunk);
    }
  } catch {
    return { problem: `The download of ${name} broke off; please send it again. Nothing was imported.` };
  }
  return { name, bytes: Buffer.concat(chunks) };
}
