/**
 * A one-line progress bar on stderr, drawn only when stderr is a TTY so that
 * logs and CI output stay clean. Redraws at most ~10 times a second.
 */
export interface Progress {
  /** Sets the absolute amount done (same unit as `total`). */
  update(done: number): void;
  /** Clears the bar; call once at the end (also on failure). */
  done(): void;
}

export interface ProgressOptions {
  label: string;
  total: number | undefined;
  unit?: 'bytes' | 'rows';
  stream?: NodeJS.WriteStream;
}

const silent: Progress = { update() {}, done() {} };

export function createProgress({ label, total, unit = 'bytes', stream = process.stderr }: ProgressOptions): Progress {
  if (!stream.isTTY) return silent;
  let last = 0;
  let drawn = false;
  const started = Date.now();
  const fmt = (n: number) => (unit === 'bytes' ? formatBytes(n) : Math.round(n).toLocaleString('en-US'));
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = 30;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      let line: string;
      if (total && total > 0) {
        const frac = Math.min(1, done / total);
        const filled = Math.round(frac * width);
        line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${fmt(done)}/${fmt(total)} ${fmt(rate)}/s`;
      } else {
        line = `${label} ${fmt(done)} ${fmt(rate)}/s`;
      }
      stream.write(`\r${line.slice(0, (stream.columns || 100) - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
