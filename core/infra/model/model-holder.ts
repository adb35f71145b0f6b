import { loadModel, type LoadedModel } from './model-artifacts.ts';

/**
 * The model a running process serves, swappable without restart: a new
 * version is loaded beside the old one and replaces it in one assignment, so
 * a request in flight finishes on the model it started with.
 */
export class ModelHolder {
  private loaded: LoadedModel | undefined;
  private readonly listeners = new Set<(model: LoadedModel) => void>();

  current(): LoadedModel {
    if (!this.loaded) throw new Error('no model loaded yet');
    return this.loaded;
  }

  get ready(): boolean {
    return this.loaded !== undefined;
  }

  /** Loads `dir` and makes it current; on failure the previous model stays. */
  async swapTo(dir: string): Promise<LoadedModel> {
    const next = await loadModel(dir);
    this.serve(next);
    return next;
  }

  /** Makes an already loaded model current (one this process has just trained and evaluated). */
  serve(model: LoadedModel): void {
    this.loaded = model;
    for (const listener of this.listeners) listener(model);
  }

  onSwap(listener: (model: LoadedModel) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
