import type { IncomingMessage, ServerResponse } from 'node:http';

/** An attachment as Discord puts it in `data.resolved.attachments[id]` (an uploaded, not yet sent, file). */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  ephemeral: true;
}

/**
 * Files attached to slash-command options, served the way Discord's CDN
 * serves them: GET /attachments/<channel>/<id>/<filename>, the bytes with
 * their content type. `size` is what Discord announces; `announcedSize`
 * lets a test announce something else than what is served.
 */
export class FakeAttachments {
  private readonly files = new Map<string, { bytes: Uint8Array; type: string }>();
  /** Downloads served, by path: a file refused from its size must never appear here. */
  readonly downloads: string[] = [];

  constructor(private readonly host: { snowflake: () => string; baseUrl: () => string }) {}

  upload(filename: string, bytes: Uint8Array, opts: { contentType?: string; announcedSize?: number; channelId?: string } = {}): FakeAttachment {
    const id = this.host.snowflake();
    const path = `/attachments/${opts.channelId ?? '500'}/${id}/${encodeURIComponent(filename)}`;
    const type = opts.contentType ?? 'application/octet-stream';
    this.files.set(path, { bytes, type });
    const url = `${this.host.baseUrl()}${path}?ex=0&is=0&hm=fake`;
    return {
      id,
      filename,
      size: opts.announcedSize ?? bytes.byteLength,
      url,
      proxy_url: url,
      ...(opts.contentType ? { content_type: opts.contentType } : {}),
      ephemeral: true,
    };
  }

  /** Serves a download; false when the request is not for an attachment. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith('/attachments/')) return false;
    const file = this.files.get(path);
    this.downloads.push(path);
    if (!file) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    else res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.byteLength) }).end(file.bytes);
    return true;
  }
}

/**
 * A slash command's `data` with one attachment option: the option holds
 * the attachment's id, the attachment itself is in `resolved.attachments`.
 */
export function withAttachment(command: { id: string; name: string }, option: string, attachment: FakeAttachment) {
  return {
    ...command,
    type: 1,
    options: [{ name: option, type: 11, value: attachment.id }],
    resolved: { attachments: { [attachment.id]: attachment } },
  };
}
