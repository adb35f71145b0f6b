import type { RowProblem } from '../dataset/types.ts';

/** How many problem rows are kept to show; the count is always exact. */
export const MAX_REPORTED_PROBLEMS = 100;

/** Collects problem rows: all are counted, the first {@link MAX_REPORTED_PROBLEMS} are kept. */
export class ProblemLog {
  readonly shown: RowProblem[] = [];
  total = 0;

  add(problems: readonly RowProblem[]): void {
    for (const p of problems) {
      this.total++;
      if (this.shown.length < MAX_REPORTED_PROBLEMS) this.shown.push(p);
    }
  }
}

export function formatProblem(p: RowProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** The import found malformed rows and, not told to skip them, committed nothing. */
export class ImportRejectedError extends Error {
  constructor(readonly problems: ProblemLog) {
    const more = problems.total - problems.shown.length;
    super(
      [
        `Import aborted: ${problems.total.toLocaleString('en-US')} malformed row(s); nothing was changed.`,
        ...problems.shown.map((p) => `  ${formatProblem(p)}`),
        ...(more > 0 ? [`  … and ${more.toLocaleString('en-US')} more`] : []),
        'Fix the rows, or run again with --skip-invalid to import the rest and leave these out.',
      ].join('\n'),
    );
    this.name = 'ImportRejectedError';
  }
}
