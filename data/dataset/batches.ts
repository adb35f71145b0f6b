import { RowError } from './fields.ts';
import type { RecordChunk } from './records.ts';
import type { Batch, RowProblem } from './types.ts';

export const DEFAULT_BATCH_SIZE = 8192;

/**
 * Maps records to rows and groups them into batches. `toRow` throws `RowError`
 * for a bad row, which becomes a problem; problems count toward the batch size
 * so that a file of garbage is still read in bounded memory.
 */
export async function* toBatches<T>(
  chunks: AsyncIterable<RecordChunk>,
  file: string,
  batchSize: number,
  toRow: (fields: string[], line: number) => T,
): AsyncGenerator<Batch<T>> {
  let rows: T[] = [];
  let problems: RowProblem[] = [];
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead = chunk.bytesRead;
    problems.push(...chunk.problems);
    for (const record of chunk.records) {
      try {
        rows.push(toRow(record.fields, record.line));
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        problems.push({ file, line: record.line, message: err.message });
      }
      if (rows.length + problems.length >= batchSize) {
        yield { rows, problems, bytesRead };
        rows = [];
        problems = [];
      }
    }
  }
  if (rows.length > 0 || problems.length > 0) yield { rows, problems, bytesRead };
}
