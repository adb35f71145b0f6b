import { DatasetError } from './types.ts';

/**
 * CSV files start with a header naming their columns. A different header means
 * a different file or format, not a bad row, so it stops the whole read.
 */
export function checkHeader(file: string, line: string | undefined, expected: string): void {
  if (line === undefined) {
    throw new DatasetError(`${file} is empty; expected a header line "${expected}"`);
  }
  const found = line.trim();
  if (found !== expected) {
    const shown = found.length > 80 ? `${found.slice(0, 80)}…` : found;
    throw new DatasetError(`${file} does not look like a MovieLens file: expected the header "${expected}", found "${shown}"`);
  }
}
