import { createProgress, formatBytes, formatProblem, type ImportProgress, type ImportSummary } from '../../data/index.ts';
import { n, say } from './output.ts';

/** A progress bar per import stage, on a TTY only. */
export function importProgress() {
  let current: { stage: string; bar: ReturnType<typeof createProgress> } | undefined;
  return {
    onProgress(p: ImportProgress) {
      if (p.totalBytes === 0) return;
      if (current?.stage !== p.stage) {
        current?.bar.done();
        current = { stage: p.stage, bar: createProgress({ label: `  ${p.stage}`, total: p.totalBytes }) };
      }
      current.bar.update(p.bytesRead);
    },
    done() {
      current?.bar.done();
    },
  };
}

export function printImportSummary(s: ImportSummary): void {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  say(`Imported ${s.files.description} from ${s.files.dir} in ${seconds} s:`);
  say(`  ${n(s.counts.movies)} movies (${n(s.counts.links)} with IMDb/TMDB links), ${n(s.counts.ratings)} ratings, ${n(s.counts.tags)} tags`);
  if (s.problems.total > 0) {
    say(`  ${n(s.problems.total)} malformed row(s) left out:`);
    for (const p of s.problems.shown) say(`    ${formatProblem(p)}`);
    if (s.problems.total > s.problems.shown.length) say(`    … and ${n(s.problems.total - s.problems.shown.length)} more`);
  }
  say(`  peak memory ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
}
