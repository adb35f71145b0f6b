import fs from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { ModelVersionStore } from '../../domain/ports/model-version.store.ts';
import type { Logger } from '../../logger.ts';
import { MODELS_DIR } from './artifact-trainer.ts';
import { loadModel, type LoadedModel } from './model-artifacts.ts';
import type { ModelHolder } from './model-holder.ts';

/** How often a process checks the registry for a promotion it was not told about (a missed message). */
export const MODEL_POLL_MS = 30_000;

export interface ModelSyncOptions {
  versions: ModelVersionStore;
  holder: ModelHolder;
  dataDir: string;
  logger: Logger;
  /** With Redis, promotions are announced on `${prefix}:model:promoted` to every process. */
  redis?: Redis;
  prefix?: string;
  pollMs?: number;
}

/**
 * Keeps this process serving the active model version of the registry
 * (model_versions) without a restart: a promotion is announced on a Redis
 * channel (a subscriber connection of its own), and the active version is
 * also polled in case a message was missed (Redis down, process starting).
 * Without Redis the promoting process is the only one and swaps at once.
 * The registry, not the message, says what to serve.
 */
export class ModelSync {
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  private servedVersion: string | undefined;
  private syncing: Promise<unknown> = Promise.resolve();
  private closed = false;
  readonly channel: string;

  constructor(private readonly opts: ModelSyncOptions) {
    this.channel = `${opts.prefix ?? 'moviebot'}:model:promoted`;
  }

  /** The version this process serves, as the registry names it. */
  get served(): string | undefined {
    return this.servedVersion;
  }

  /**
   * Loads the active version. A model directory from before the registry
   * (DATA_DIR/models/current written by `moviebot train --model`) is adopted
   * as the first active version. When the active version's files are missing
   * or unreadable, the most recent earlier version that loads is promoted
   * instead. False when there is nothing to serve yet (train one).
   */
  async serveActive(): Promise<boolean> {
    const active = await this.opts.versions.active();
    if (!active) await this.adoptCurrentDirectory();
    try {
      await this.sync();
    } catch (err) {
      if (!active) throw err;
      await this.fallBackFrom(active.version, err);
    }
    return this.opts.holder.ready;
  }

  /** Subscribes to promotions and starts the poll. */
  start(): void {
    const { redis, logger } = this.opts;
    if (redis && !this.subscriber) {
      // A subscribed connection can do nothing else, and must queue its SUBSCRIBE until it is connected.
      const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      this.subscriber = subscriber;
      subscriber.on('error', (err) => logger.warn({ err: err.message }, 'model channel: redis error'));
      subscriber.on('message', (channel) => {
        if (channel === this.channel) void this.sync();
      });
      // After a reconnect, a promotion announced meanwhile is caught at once rather than at the next poll.
      subscriber.on('ready', () => void this.sync());
      subscriber.subscribe(this.channel).catch((err: unknown) => logger.warn({ err }, 'model channel: could not subscribe'));
    }
    this.timer ??= setInterval(() => void this.sync(), this.opts.pollMs ?? MODEL_POLL_MS);
    this.timer.unref();
  }

  /**
   * Makes `version` (just promoted) current here (`trained`: already loaded),
   * points DATA_DIR/models/current at it, and tells the other processes. Publishing may fail while Redis is
   * down: they then find it by polling.
   */
  async announce(version: string, trained?: LoadedModel): Promise<void> {
    await this.sync(trained);
    await this.linkCurrent(version).catch((err: unknown) => this.opts.logger.warn({ err, version }, 'could not point models/current at the new version'));
    await this.opts.redis?.publish(this.channel, version).catch((err: unknown) => {
      this.opts.logger.warn({ err, version }, 'could not announce the new model; other processes pick it up within the poll interval');
    });
  }

  /** Serves the registry's active version if it is not served yet; one load at a time. */
  sync(trained?: LoadedModel): Promise<void> {
    const next = this.syncing.then(() => this.syncOnce(trained));
    this.syncing = next.catch((err: unknown) => {
      // At start there is no previous one: serveActive says what happens instead.
      if (this.opts.holder.ready) this.opts.logger.error({ err }, 'could not load the active model; still serving the previous one');
    });
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    // A load in flight is left to finish or die with the process: it changes nothing on disk.
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  private async syncOnce(trained?: LoadedModel): Promise<void> {
    if (this.closed) return;
    const active = await this.opts.versions.active();
    if (!active || active.version === this.servedVersion) return;
    let loaded = trained;
    if (loaded?.manifest.version === active.version) this.opts.holder.serve(loaded);
    else loaded = await this.opts.holder.swapTo(path.resolve(this.opts.dataDir, active.path));
    this.servedVersion = active.version;
    this.opts.logger.info({ version: active.version, items: loaded.manifest.items }, 'serving model');
  }

  /**
   * The active version `broken` cannot be loaded: promotes the most recently
   * active earlier version that loads (only while `broken` is still the
   * active one: another process may be fixing it too), and points
   * models/current at it. Serves nothing when none loads: the caller trains.
   */
  private async fallBackFrom(broken: string, err: unknown): Promise<void> {
    const { versions, logger, dataDir } = this.opts;
    for (const earlier of await versions.formerlyActive()) {
      const loaded = await loadModel(path.resolve(dataDir, earlier.path)).catch(() => null);
      if (!loaded || loaded.manifest.version !== earlier.version) continue;
      if (await versions.promote(earlier.version, { ifActive: broken })) {
        logger.warn({ err, broken, version: earlier.version }, 'the active model version cannot be loaded: serving the earlier version instead (promoted)');
        await this.announce(earlier.version, loaded);
      } else {
        // Someone else promoted a version meanwhile: serve theirs.
        await this.sync().catch(() => undefined);
      }
      return;
    }
    logger.warn({ err, broken }, 'the active model version cannot be loaded and no earlier version can: a new model is trained');
  }

  private async adoptCurrentDirectory(): Promise<void> {
    const models = path.join(this.opts.dataDir, MODELS_DIR);
    const current = path.join(models, 'current');
    const stat = await fs.lstat(current).catch(() => null);
    if (!stat) return;
    const loaded = await loadModel(current).catch(() => null);
    if (!loaded) return;
    const { version } = loaded.manifest;
    const target = path.join(models, version);
    // A plain directory becomes models/<version>; a link already points at one.
    if (!stat.isSymbolicLink() && !(await fs.stat(target).catch(() => null))) await fs.rename(current, target);
    const dir = stat.isSymbolicLink() ? path.relative(this.opts.dataDir, await fs.realpath(current)) : path.join(MODELS_DIR, version);
    const { manifest } = loaded;
    await this.opts.versions.register({
      version,
      path: dir,
      datasetFingerprint: manifest.datasetFingerprint,
      backend: manifest.backend,
      metrics: manifest.metrics,
    });
    await this.opts.versions.promote(version);
    if (!stat.isSymbolicLink()) await this.linkCurrent(version);
    this.opts.logger.info({ version }, 'adopted the model in models/current as the active version');
  }

  /** Atomically repoints DATA_DIR/models/current (a relative link) at `version`. */
  private async linkCurrent(version: string): Promise<void> {
    const models = path.join(this.opts.dataDir, MODELS_DIR);
    const active = await this.opts.versions.active();
    const dir = active?.version === version ? path.resolve(this.opts.dataDir, active.path) : path.join(models, version);
    const link = path.join(models, `.current-${process.pid}-${Date.now()}`);
    await fs.symlink(path.relative(models, dir), link);
    try {
      const existing = await fs.lstat(path.join(models, 'current')).catch(() => null);
      // A plain directory there is someone's hand-written model: leave it, the registry decides what is served.
      if (existing && !existing.isSymbolicLink()) return;
      await fs.rename(link, path.join(models, 'current'));
    } finally {
      await fs.rm(link, { force: true });
    }
  }
}
