import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  body?: Buffer | string;
  /** Send the headers and half the body, then hang (to test aborts). */
  stall?: boolean;
}

export interface TestServer {
  baseUrl: string;
  routes: Map<string, Route>;
  /** Requests per path, to prove a download was skipped. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Test helper: a local stand-in for files.grouplens.org on 127.0.0.1. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const route = routes.get(url);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = Buffer.from(route.body ?? '');
    res.writeHead(route.status ?? 200, { 'content-length': body.length });
    if (route.stall) res.write(body.subarray(0, Math.floor(body.length / 2)));
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/datasets/movielens`,
    routes,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
