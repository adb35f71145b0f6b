import type { Command } from 'commander';
import { movieLabel, syncCatalog } from '../../core/index.ts';
import { createRepositories } from '../../core/wiring.ts';
import { ensureCatalog } from '../../data/index.ts';
import { boot, openStorage } from '../runtime/boot.ts';
import { openMovieSource } from '../runtime/movie-source.ts';
import { n, say } from '../runtime/output.ts';

/** Films listed by name after a sync; the rest are counted. */
const LISTED = 20;

export function registerCatalogSyncCommand(catalog: Command): void {
  catalog
    .command('sync')
    .description('add the recent and trending films from TMDB that the catalog lacks (needs TMDB_API_KEY or TMDB_ACCESS_TOKEN)')
    .option('--days <n>', 'recent films: first released within this many days', '60')
    .action(async (opts: { days: string }) => {
      const booted = boot('catalog-sync');
      const { config, logger } = booted;
      const source = openMovieSource(config);
      const days = Number(opts.days);
      if (!source || !Number.isInteger(days) || days < 1 || days > 3650) {
        process.stderr.write(
          source
            ? `moviebot: --days must be a whole number of days from 1 to 3650, not ${opts.days}\n`
            : 'moviebot: catalog sync reads TMDB: set TMDB_API_KEY (or TMDB_ACCESS_TOKEN); without it the catalog is MovieLens alone\n',
        );
        process.exitCode = 2;
        return;
      }
      const database = await openStorage(booted, { migrate: true });
      try {
        // MovieLens first: a film it has is recognised by its TMDB link and not added twice.
        await ensureCatalog(config, database, say);
        const result = await syncCatalog({ source, additions: createRepositories(database.db).catalogAdditions }, { recentDays: days });
        for (const s of result.skipped) logger.warn({ tmdbId: s.tmdbId, reason: s.reason }, 'catalog sync: malformed TMDB record skipped');
        say(`Added ${n(result.added.length)} film${result.added.length === 1 ? '' : 's'} from TMDB${result.added.length > 0 ? ':' : '.'}`);
        for (const movie of result.added.slice(0, LISTED)) say(`  ${movieLabel(movie)}`);
        if (result.added.length > LISTED) say(`  … and ${n(result.added.length - LISTED)} more`);
        say(
          `${n(result.known)} already in the catalog, ${n(result.unreleased)} not released yet, ${n(result.skipped.length)} malformed record(s) skipped (logged).`,
        );
        if (result.added.length > 0) say('Running bots and workers can find them within a minute; their posters and providers follow in the background.');
      } finally {
        await database.close();
      }
    });
}
