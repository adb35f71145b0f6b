import net from 'node:net';

/**
 * A TCP hop between the app and a server (Postgres) that a test can cut:
 * `cut()` drops every open connection and then accepts new ones without
 * ever answering (an unreachable host, the case a client waits longest
 * in); `restore()` forwards again.
 *
 * Or partition it: `freeze()` stops forwarding in both directions but keeps
 * every connection open (and opens new ones that forward nothing), like a
 * network that drops packets; `unfreeze()` delivers what was held and
 * forwards again, like the network coming back.
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private down = false;
  private frozen = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.accept(client));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.down = false;
    // Connections held while it was down never got an answer: drop them so their clients retry.
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  freeze(): void {
    this.frozen = true;
    for (const pair of this.pairs) hold(pair);
  }

  unfreeze(): void {
    this.frozen = false;
    for (const pair of this.pairs) forward(pair);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: net.Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.down) return; // held open, never answered
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(upstream);
    const pair = { client, upstream };
    this.pairs.add(pair);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      this.pairs.delete(pair);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    if (this.frozen) hold(pair);
    else forward(pair);
  }
}

function forward({ client, upstream }: { client: net.Socket; upstream: net.Socket }): void {
  client.pipe(upstream);
  upstream.pipe(client);
}

/** Nothing passes; what arrives waits in the sockets' buffers until `forward`. */
function hold({ client, upstream }: { client: net.Socket; upstream: net.Socket }): void {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
}
