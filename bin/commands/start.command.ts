import type { Command } from 'commander';
import { createRepositories } from '../../core/wiring.ts';
import { ensureCatalog } from '../../data/index.ts';
import { startBots } from '../runtime/bots.ts';
import { openRoleProduct } from '../runtime/role-product.ts';
import { healthProbe } from '../runtime/health.ts';
import { printImportSummary } from '../runtime/import-report.ts';
import { n, say } from '../runtime/output.ts';
import { startRole } from '../runtime/role.ts';
import { VERSION } from '../runtime/version.ts';
import { startWeb } from '../runtime/web.ts';
import { startWorkers } from '../runtime/workers.ts';
import { scheduleNightlyRetrain } from '../runtime/retrain-schedule.ts';
import { scheduleTmdbJobs } from '../runtime/tmdb-schedule.ts';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run everything in one process: migrate, import MovieLens if the catalog is empty, web server, bots')
    .action(async () => {
      const role = await startRole('start', { migrate: true });
      const { config, logger, shutdown, database } = role;
      const source = await ensureCatalog(config, database, say);
      if (source.kind === 'imported') printImportSummary(source.summary);

      const { redis, product } = await openRoleProduct(role);
      const workers = startWorkers(config, logger, product);
      shutdown.add('retrain schedule', scheduleNightlyRetrain(config, logger, product).close);
      shutdown.add('TMDB schedules', scheduleTmdbJobs(config, logger, product).close);
      shutdown.add('workers', workers.close);
      // As `moviebot bot` does: a first run's training blocks the event loop for seconds, which would stall live interactions.
      await product.modelReady.catch(() => undefined);
      const bots = await startBots(config, logger, product);
      shutdown.add('bots', () => bots.close());
      const web = await startWeb(config, logger, healthProbe({ database, redis, bots: () => bots.status(), movies: product.movies }), product);
      shutdown.add('web', web.close);

      const stats = await createRepositories(database.db).catalog.stats();
      say(`Moviebot ${VERSION} is running`);
      say(`  storage   ${database.description}`);
      say(`  catalog   ${n(stats.movies)} movies, ${n(stats.ratings)} ratings, ${n(stats.tags)} tags`);
      say(
        `  movies    ${product.movies}${config.tmdb ? ' (posters, trailers, where to watch, new releases)' : ' (set TMDB_API_KEY for posters, where to watch and new releases)'}`,
      );
      say(`  web       ${web.url}  (health: ${web.url}/healthz)`);
      say(`  jobs      ${config.redisUrl ? 'Redis (REDIS_URL)' : 'in-process (set REDIS_URL to use Redis)'}`);
      for (const [platform, state] of Object.entries(bots.status())) {
        say(`  ${platform.padEnd(9)} ${state === 'not configured' ? `not configured (set ${platform.toUpperCase()}_TOKEN)` : state}`);
      }
      if (!config.discord.token && !config.telegram.token) say('  try it    in a terminal, no tokens needed: npx moviebot chat');
      say('Press Ctrl-C to stop.');
    });
}
