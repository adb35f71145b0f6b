import http from 'node:http';
import type { Config, Logger, Metrics } from '../../core/index.ts';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /metrics on METRICS_PORT for the roles without a web server
 * (`moviebot worker`: job durations; `moviebot bot`: recommend latency and
 * ready-list hits). Nothing else is served; null when no port is set.
 */
export async function startMetricsServer(config: Config, logger: Logger, metrics: Metrics): Promise<MetricsServer | null> {
  if (config.metricsPort === undefined) return null;
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics here.\n');
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
      (err: unknown) => {
        logger.error({ err }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected.\n');
      },
    );
  });
  // A scraper that stalls must not hold a socket (Node's defaults are generous).
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'metrics server error'));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : config.metricsPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
