/**
 * What a rating means here: the catalog's own thresholds (RECSYS.md: a
 * positive is ≥ 4 of 5, a dislike ≤ 2), on a ten-point scale doubled.
 */
import { DISLIKE_MAX, POSITIVE_MIN } from '../recommender/types.ts';
import type { ImportKind } from './types.ts';

/** Letterboxd's 0.5–5 stars. */
export function fromFiveStars(stars: number): ImportKind {
  if (stars >= POSITIVE_MIN) return 'like';
  if (stars <= DISLIKE_MAX) return 'dislike';
  return 'seen';
}

/** IMDb's and Trakt's 1–10. */
export function fromTenPoints(points: number): ImportKind {
  return fromFiveStars(points / 2);
}

/** Whether `value` is a whole number from 1 to 10. */
export function isTenPoints(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 10;
}
