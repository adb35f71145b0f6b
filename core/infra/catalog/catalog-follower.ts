import type { MovieCatalog } from '../../domain/catalog.ts';
import type { CatalogAdditionStore } from '../../domain/ports/catalog-additions.store.ts';
import type { Logger } from '../../logger.ts';

/** How often a process checks for films added to the catalog by another process (a sync job, `moviebot catalog sync`). */
export const CATALOG_POLL_MS = 30_000;

export interface CatalogFollowerOptions {
  additions: CatalogAdditionStore;
  /** The process's in-memory catalog: every holder of it sees the films added. */
  catalog: MovieCatalog;
  logger: Pick<Logger, 'info' | 'warn'>;
  pollMs?: number;
}

/**
 * Keeps this process's in-memory catalog (lookups, title search) in step
 * with the films added from TMDB, wherever they were added: a cheap version
 * check every {@link CATALOG_POLL_MS} (one small query), the added films read
 * and indexed only when it moved. So a film a sync added anywhere is
 * searchable everywhere within the poll interval; the process that added it
 * calls {@link refresh} and has it at once.
 */
export class CatalogFollower {
  private timer: NodeJS.Timeout | undefined;
  private seen: string | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: CatalogFollowerOptions) {}

  /** Remembers the current version, then checks every poll interval. */
  start(): void {
    void this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), this.opts.pollMs ?? CATALOG_POLL_MS);
    this.timer.unref();
  }

  /** Loads the added films if they changed since the last look; one check at a time, failures logged. */
  refresh(): Promise<void> {
    this.running = this.running.then(() =>
      this.refreshOnce().catch((err: unknown) => this.opts.logger.warn({ err }, 'could not check the catalog for added films; trying again later')),
    );
    return this.running;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  private async refreshOnce(): Promise<void> {
    if (this.closed) return;
    const version = await this.opts.additions.version();
    if (version === this.seen) return;
    const changed = this.opts.catalog.upsert(await this.opts.additions.all());
    this.seen = version;
    if (changed > 0) this.opts.logger.info({ changed, movies: this.opts.catalog.size }, 'catalog: films added from TMDB are searchable');
  }
}
