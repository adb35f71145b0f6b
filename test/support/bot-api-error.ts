/** A Bot API refusal, answered as `{ ok: false, error_code, description }` with that HTTP status. */
export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The Bot API's 400, with its "Bad Request: " prefix. */
export const bad = (description: string) => new BotApiError(400, `Bad Request: ${description}`);
