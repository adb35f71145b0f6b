import { DatasetError } from '../dataset/types.ts';

export interface HttpOptions {
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * GETs `url` and returns the response when it is 2xx, or `null` on 404 when
 * the caller can live without the file. Every other outcome becomes a
 * DatasetError naming the URL, because these are the failures a user can act
 * on (typo in MOVIELENS_BASE_URL, no network, server down).
 */
export async function httpGet(url: string, { fetchImpl = fetch, signal }: HttpOptions, allowMissing = false): Promise<Response | null> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal, redirect: 'follow' });
  } catch (err) {
    throw downloadError(url, err, signal);
  }
  if (res.ok) return res;
  // Free the socket: an unread body keeps the connection busy.
  await res.body?.cancel().catch(() => {});
  if (res.status === 404 && allowMissing) return null;
  throw new DatasetError(`could not download ${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
}

/** Turns a network, abort or stream error into a one-line DatasetError. */
export function downloadError(url: string, err: unknown, signal?: AbortSignal): DatasetError {
  if (err instanceof DatasetError) return err;
  if (signal?.aborted || isAbort(err)) {
    const timedOut = isNamed(signal?.reason, 'TimeoutError') || isNamed(err, 'TimeoutError');
    return new DatasetError(`download of ${url} ${timedOut ? 'timed out' : 'was aborted'}`);
  }
  return new DatasetError(`could not download ${url}: ${reason(err)}`);
}

function isAbort(err: unknown): boolean {
  return isNamed(err, 'AbortError') || (err instanceof Error && isAbort(err.cause));
}

function isNamed(value: unknown, name: string): boolean {
  return value instanceof Error && value.name === name;
}

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  ENOSPC: 'no space left on the disk',
};

// undici reports network failures as `TypeError: fetch failed` with the real
// reason in `cause`; the outer message alone tells the user nothing.
function reason(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return FRIENDLY[code] ? `${FRIENDLY[code]} (${code})` : `${current.message} (${code})`;
    if (!(current.cause instanceof Error)) return current.message;
    current = current.cause;
  }
  return String(err);
}
