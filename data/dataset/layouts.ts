import { csvLayout } from './csv-layout.ts';
import { datLayout } from './dat-layout.ts';
import type { LayoutFormat } from './layout.ts';
import { ml100kLayout } from './ml100k-layout.ts';
import type { Layout } from './types.ts';

/** In detection order: when a folder holds several, the newest format wins. */
export const LAYOUTS: readonly LayoutFormat[] = [csvLayout, datLayout, ml100kLayout];

export function layoutFormat(layout: Layout): LayoutFormat {
  const format = LAYOUTS.find((f) => f.layout === layout);
  if (!format) throw new Error(`unknown layout ${String(layout)}`);
  return format;
}
