/**
 * Raw SQL access beneath drizzle, for the two things drizzle does not do:
 * bulk COPY and explicit long transactions. Implemented once for node-postgres
 * and once for PGlite so the importer is the same code on both.
 */
export interface SqlTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Streams rows in PostgreSQL COPY text format (tab-separated, `\N` for null,
   * one row per line) into `table`. Each chunk holds whole lines.
   */
  copyFrom(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<void>;
}

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: everything or nothing is committed. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
}
