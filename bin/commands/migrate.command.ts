import type { Command } from 'commander';
import { ensureCatalog } from '../../data/index.ts';
import { boot, openStorage } from '../runtime/boot.ts';
import { printImportSummary } from '../runtime/import-report.ts';
import { say } from '../runtime/output.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations in migrations/ (also done by start)')
    .option('--ensure-catalog', 'also import MovieLens when the catalog is empty, as start does')
    .action(async (opts: { ensureCatalog?: boolean }) => {
      const booted = boot('migrate');
      const database = await openStorage(booted, { migrate: true });
      try {
        say(`The database schema is up to date (${database.description}).`);
        if (opts.ensureCatalog) {
          const source = await ensureCatalog(booted.config, database, say);
          if (source.kind === 'imported') printImportSummary(source.summary);
          else say('The MovieLens catalog is already imported.');
        }
      } finally {
        await database.close();
      }
    });
}
