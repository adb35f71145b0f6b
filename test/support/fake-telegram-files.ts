import type { IncomingMessage, ServerResponse } from 'node:http';
import { BotApiError } from './bot-api-error.ts';

/**
 * Files users sent the bot, as the Bot API keeps them: `getFile` answers
 * with a `file_path`, and the bytes are downloaded from
 * `{apiRoot}/file/bot{token}/{file_path}`. The announced `file_size` can be
 * made to differ from what is served.
 */
export class FakeTelegramFiles {
  private readonly files = new Map<string, { bytes: Uint8Array; path: string; size: number }>();
  /** file_paths downloaded: a file refused from its size must never appear here. */
  readonly downloads: string[] = [];
  private next = 1;

  /** Stores a file; returns the `document` a message carries for it. */
  add(fileName: string, bytes: Uint8Array, opts: { mimeType?: string; announcedSize?: number } = {}) {
    const n = this.next++;
    const fileId = `BQACAgIAAxkBAAI${n}`;
    const size = opts.announcedSize ?? bytes.byteLength;
    this.files.set(fileId, { bytes, path: `documents/file_${n}${fileName.slice(fileName.lastIndexOf('.'))}`, size });
    return { file_name: fileName, mime_type: opts.mimeType ?? 'application/octet-stream', file_id: fileId, file_unique_id: `AgAD${n}`, file_size: size };
  }

  /** getFile: Telegram refuses files over 20 MB to bots ("file is too big"). */
  getFile(body: Record<string, unknown>) {
    const file = this.files.get(String(body.file_id));
    if (!file) throw new BotApiError(400, 'Bad Request: invalid file_id');
    if (file.size > 20 * 1024 * 1024) throw new BotApiError(400, 'Bad Request: file is too big');
    return { file_id: body.file_id, file_unique_id: 'AgAD', file_size: file.size, file_path: file.path };
  }

  /** Serves a download; false when the request is not for a file. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const match = /^\/file\/bot[^/]+\/(.+)$/.exec((req.url ?? '').split('?')[0]!);
    if (!match) return false;
    const file = [...this.files.values()].find((f) => f.path === match[1]);
    this.downloads.push(match[1]!);
    if (!file) res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
    else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.byteLength) }).end(file.bytes);
    return true;
  }
}
