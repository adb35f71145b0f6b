import type { Command } from 'commander';
import { importDataset } from '../../data/index.ts';
import { boot, openStorage } from '../runtime/boot.ts';
import { importProgress, printImportSummary } from '../runtime/import-report.ts';
import { say } from '../runtime/output.ts';

export function registerDataImportCommand(data: Command): void {
  data
    .command('import')
    .description('import a MovieLens folder (ml-latest/20m/25m/32m CSV, ml-1m/10m "::", ml-100k) into the database')
    .requiredOption('--from <dir>', 'the unpacked MovieLens folder')
    .option('--skip-invalid', 'import the good rows and list the malformed ones, instead of aborting')
    .action(async (opts: { from: string; skipInvalid?: boolean }) => {
      const booted = boot('data-import');
      const database = await openStorage(booted, { migrate: true });
      const progress = importProgress();
      try {
        const summary = await importDataset({
          database,
          dir: opts.from,
          skipInvalid: opts.skipInvalid ?? false,
          onStage: (stage, file) => say(`Reading ${stage} from ${file}…`),
          onProgress: progress.onProgress,
        });
        progress.done();
        printImportSummary(summary);
      } finally {
        progress.done();
        await database.close();
      }
    });
}
