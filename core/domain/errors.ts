/**
 * Expected failures a person can act on. Adapters turn the code into a
 * friendly reply in their own words; anything else is logged and answered
 * with a short generic message.
 */
export type UserErrorCode = 'MOVIE_NOT_FOUND' | 'NOT_A_FAVORITE' | 'NO_MODEL_YET' | 'INVALID_INPUT';

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
