/**
 * Encoding rows for PostgreSQL's COPY text format: tab-separated, `\N` for
 * null, backslash escapes for tab, newline, carriage return and backslash.
 */

const NULL = '\\N';

export function copyText(value: string): string {
  // Fast path: MovieLens titles and tags rarely need escaping.
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyNullable(value: number | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

/** A text[] literal (`{"Action","Sci-Fi"}`), escaped for COPY. */
export function copyTextArray(values: readonly string[]): string {
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return copyText(literal);
}
