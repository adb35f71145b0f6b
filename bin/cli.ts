import { ConfigError, MovieSourceError } from '../core/index.ts';
import { ModelNotFoundError, PgliteLockedError } from '../core/wiring.ts';
import { DatasetError, ImportRejectedError, TrainingDataError } from '../data/index.ts';
import { RecommendInputError } from './recommend/input-error.ts';
import { buildProgram } from './program.ts';

/** Errors a user can act on: their message is the whole story. */
const EXPECTED = [
  ConfigError,
  DatasetError,
  ImportRejectedError,
  PgliteLockedError,
  RecommendInputError,
  TrainingDataError,
  ModelNotFoundError,
  MovieSourceError,
];

process.on('unhandledRejection', (err) => {
  process.stderr.write(`moviebot: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (EXPECTED.some((type) => err instanceof type)) {
    process.stderr.write(`moviebot: ${(err as Error).message}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || /timeout/i.test(e.message ?? '')) {
    process.stderr.write(`moviebot: cannot reach a configured service: ${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`moviebot: unexpected error: ${e.stack ?? String(err)}\n`);
  process.exit(1);
}
