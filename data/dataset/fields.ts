/**
 * Field validators shared by every layout. They throw `RowError`, which the
 * readers turn into a `RowProblem` for that row; anything else thrown is a bug
 * and propagates.
 */

export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

/** Ids are stored in Int32Arrays and int4 columns. */
const MAX_ID = 2 ** 31 - 1;

export interface RatingScale {
  min: number;
  max: number;
  /** ml-100k and ml-1m only have whole stars; ml-100k is checked for it. */
  wholeStars: boolean;
}

export const HALF_STARS: RatingScale = { min: 0.5, max: 5, wholeStars: false };
export const WHOLE_STARS: RatingScale = { min: 1, max: 5, wholeStars: true };

export function expectFields(fields: readonly string[], count: number): void {
  if (fields.length !== count) throw new RowError(`expected ${count} fields, got ${fields.length}`);
}

export function expectAtLeastFields(fields: readonly string[], count: number): void {
  if (fields.length < count) throw new RowError(`expected ${count} fields, got ${fields.length}`);
}

export function positiveId(value: string | undefined, name: string): number {
  const text = (value ?? '').trim();
  if (!isDigits(text)) throw new RowError(`${name} must be a positive integer, got ${show(text)}`);
  const id = Number(text);
  if (id < 1 || id > MAX_ID) throw new RowError(`${name} must be between 1 and ${MAX_ID}, got ${text}`);
  return id;
}

/** Like `positiveId`, but an empty field is `null` (links.csv leaves unknown tmdbIds empty). */
export function optionalId(value: string | undefined, name: string): number | null {
  return (value ?? '').trim() === '' ? null : positiveId(value, name);
}

export function timestamp(value: string | undefined): number {
  const text = (value ?? '').trim();
  const seconds = Number(text);
  if (!isDigits(text) || !Number.isSafeInteger(seconds)) {
    throw new RowError(`timestamp must be a non-negative integer, got ${show(text)}`);
  }
  return seconds;
}

const DECIMAL = /^\d+(\.\d+)?$/;

export function rating(value: string | undefined, scale: RatingScale): number {
  const text = (value ?? '').trim();
  if (!DECIMAL.test(text)) throw new RowError(`rating must be a number, got ${show(text)}`);
  const stars = Number(text);
  if (stars < scale.min || stars > scale.max) {
    throw new RowError(`rating must be between ${scale.min} and ${scale.max}, got ${text}`);
  }
  if (scale.wholeStars && !Number.isInteger(stars)) {
    throw new RowError(`rating must be a whole number from ${scale.min} to ${scale.max}, got ${text}`);
  }
  return stars;
}

export function tagText(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') throw new RowError('tag is empty');
  return text;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Quotes a bad value for a message, shortened so a garbage line cannot flood the report. */
function show(text: string): string {
  if (text === '') return 'nothing';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
