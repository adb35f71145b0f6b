/**
 * Gathers the calls made within one turn of the event loop and serves them
 * with one batched call: a burst of newcomers costs the database a few
 * statements, not a few per person. If a batch fails, each call is retried
 * on its own, so one bad input fails only its own caller.
 */
export class Coalescer<I, O> {
  private pending: { input: I; resolve: (out: O) => void; reject: (err: unknown) => void }[] = [];

  constructor(
    /** Answers every input, in input order. */
    private readonly many: (inputs: I[]) => Promise<O[]>,
    /** Answers one input: the retry when a batch failed. */
    private readonly one: (input: I) => Promise<O>,
    private readonly maxBatch = 500,
  ) {}

  load(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
      else if (this.pending.length >= this.maxBatch) this.flush();
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length === 1) return void this.one(batch[0]!.input).then(batch[0]!.resolve, batch[0]!.reject);
    this.many(batch.map((b) => b.input)).then(
      (outs) => batch.forEach((b, n) => b.resolve(outs[n]!)),
      () => batch.forEach((b) => this.one(b.input).then(b.resolve, b.reject)),
    );
  }
}
