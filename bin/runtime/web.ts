import type { Config, Logger } from '../../core/index.ts';
import { buildWebApp, type HealthProbe } from '../../web-share/index.ts';

/** Starts the web server; returns its public base URL and a closer. */
export async function startWeb(config: Config, logger: Logger, health: HealthProbe) {
  const app = buildWebApp({ logger, health });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { url: `http://localhost:${port}`, port, close: () => app.close() };
}
