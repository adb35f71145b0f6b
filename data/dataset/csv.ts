/**
 * Splits one CSV record (RFC 4180 as MovieLens writes it): fields separated by
 * commas, a field that starts with `"` is quoted, `""` inside it is a quote.
 * A quote elsewhere in an unquoted field is kept literally.
 */
import { RowError } from './fields.ts';

const QUOTE = 34;
const COMMA = 44;

/**
 * Returns the fields of `text`, or `null` when a quoted field is still open at
 * its end: the record continues on the next physical line, and the caller
 * calls again with the lines joined by "\n". Throws `RowError` for text after
 * a closing quote.
 */
export function splitCsv(text: string): string[] | null {
  if (text.indexOf('"') < 0) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
      continue;
    }
    let value = '';
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) return null;
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      value += text.slice(from, quote);
      i = quote + 1;
      break;
    }
    fields.push(value);
    if (i === text.length) return fields;
    if (text.charCodeAt(i) !== COMMA) {
      throw new RowError(`unexpected text after the closing quote of field ${fields.length}`);
    }
    i++;
  }
}
