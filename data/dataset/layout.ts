/**
 * What differs between MovieLens releases: file names, field separators,
 * headers, and how fields map to rows. One `LayoutFormat` per layout; the
 * readers and `detectDataset` are written once against it.
 */
import type { RatingScale } from './fields.ts';
import type { RecordSyntax } from './records.ts';
import type { Layout, LinkRow, MovieRow, TagRow } from './types.ts';

export interface RowFormat<T> extends RecordSyntax {
  /** Builds the row from its fields; throws `RowError` when they are bad. */
  toRow(fields: string[]): T;
}

export interface RatingSyntax {
  /** Fast-path separator between the four fields. */
  separator: ',' | '::' | '\t';
  header?: string;
  scale: RatingScale;
  /** Slow path for lines the fast path rejects: gives exact messages. */
  split(text: string): string[] | null;
}

export interface LayoutFormat {
  layout: Layout;
  description: string;
  fileNames: { movies: string; ratings: string; tags?: string; links?: string };
  movies: RowFormat<MovieRow>;
  ratings: RatingSyntax;
  tags?: RowFormat<TagRow>;
  links?: RowFormat<LinkRow>;
}
