import type { Logger } from '../../core/index.ts';

type Closer = { name: string; close: () => Promise<unknown> | unknown };

/**
 * Graceful shutdown bounded by a timeout: closers run in reverse order of
 * registration (web before database), and the process exits within
 * `timeoutMs` whatever hangs. A second Ctrl-C exits at once.
 */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 4_500,
  ) {}

  add(name: string, close: Closer['close']): void {
    this.closers.push({ name, close });
  }

  /** Exits the process on SIGINT/SIGTERM after closing everything. */
  installSignalHandlers(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.running) {
        this.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      this.logger.info({ signal }, 'shutting down');
      void this.run().then((ok) => process.exit(ok ? 0 : 1));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  /** Closes everything; resolves false when something failed or the timeout hit. */
  async run(): Promise<boolean> {
    let ok = true;
    this.running ??= (async () => {
      for (const closer of [...this.closers].reverse()) {
        try {
          await closer.close();
        } catch (err) {
          ok = false;
          this.logger.error({ err, component: closer.name }, 'error while closing');
        }
      }
    })();
    const timedOut = await Promise.race([
      this.running.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), this.timeoutMs).unref()),
    ]);
    if (timedOut) this.logger.error({ timeoutMs: this.timeoutMs }, 'shutdown timed out');
    return ok && !timedOut;
  }
}
