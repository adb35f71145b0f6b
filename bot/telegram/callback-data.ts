/**
 * How one feature writes and reads the callback data of its inline
 * buttons. Defined once, beside the feature's Composer, which registers
 * `pattern` as its action trigger. Telegram allows 1–64 bytes: ids only,
 * never titles.
 */
export interface CallbackScheme<Args> {
  readonly pattern: RegExp;
  data(args: Args): string;
  /** The arguments the data stands for, or null for data of another scheme (or stale, or forged). */
  parse(data: string): Args | null;
}

/** A scheme from its pattern, its writer and a reader of the pattern's match. */
export function callbackScheme<Args>(pattern: RegExp, data: (args: Args) => string, read: (match: RegExpExecArray) => Args): CallbackScheme<Args> {
  return {
    pattern,
    data,
    parse(text) {
      const match = pattern.exec(text);
      return match ? read(match) : null;
    },
  };
}
