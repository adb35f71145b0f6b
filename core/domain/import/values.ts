/** Dates and years as the exports write them. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/**
 * "2024-03-15" (Letterboxd, IMDb; read as UTC midnight) or an ISO instant
 * (Trakt). Anything else is no date: a date only orders conflicting
 * opinions, so a bad one is not worth refusing the file for.
 */
export function parseDate(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!DAY.test(trimmed) && !INSTANT.test(trimmed)) return undefined;
  const date = new Date(DAY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const YEAR = /^\d{4}$/;

/** A release year column: empty is unknown (null), four digits a year, anything else undefined (broken). */
export function parseYear(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return YEAR.test(trimmed) ? Number(trimmed) : undefined;
}
