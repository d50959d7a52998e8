// The raw SQL connection used by the write path (ingest, cost recompute) and migrations. Reads go
// through Prisma (lib/db/prisma.ts); writes skip Prisma's per-row overhead, which would cost most of the
// ingest throughput. Both dialects share the SQL text: "quoted" identifiers, ON CONFLICT, multi-row
// VALUES; only placeholders, value conversion and transactions differ.

/** A Uint8Array is UTF-8 text as bytes (SQLite writer thread only): insert it into a column named in `textColumns`. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array;
export type Row = Record<string, unknown>;
export type InsertOptions = {
  returning?: readonly string[];
  /** Text columns whose values may come as UTF-8 bytes: bound as given and cast to TEXT (a string stays as it is). */
  textColumns?: readonly string[];
};

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  /** Runs a query with `?` placeholders (rewritten to $n for PostgreSQL) and returns its rows. */
  query<T extends Row = Row>(text: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows changed. */
  run(text: string, params?: SqlValue[]): Promise<number>;
  /**
   * Inserts many rows; `conflict` is the ON CONFLICT clause (e.g. `("traceId","spanId") DO NOTHING`).
   * With `returning`, resolves to those columns of the rows actually inserted or updated (not of
   * rows skipped by DO NOTHING), so callers can tell new rows from re-sent ones; else to [].
   */
  insertMany(table: string, columns: readonly string[], rows: SqlValue[][], conflict: string, options?: InsertOptions): Promise<Row[]>;
  /** Runs fn in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Text as PostgreSQL stores it: its text cannot hold NUL (U+0000), and span content may carry one, which
 * must not fail a whole request's commit, so U+FFFD (the replacement character) stands in. postgres.ts
 * applies it to every bound string; text that reaches PostgreSQL inside JSON needs it too.
 */
export const pgText = (text: string) => (text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text);

/** `INSERT INTO t ("a","b") VALUES (?,?),(?,?) ON CONFLICT …` for `count` rows; `textColumns` get CAST(? AS TEXT). */
export function insertSql(table: string, columns: readonly string[], count: number, conflict: string, textColumns: readonly string[] = []): string {
  const tuple = `(${columns.map((c) => (textColumns.includes(c) ? "CAST(? AS TEXT)" : "?")).join(",")})`;
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(",")}) VALUES ${Array(count).fill(tuple).join(",")} ON CONFLICT ${conflict}`;
}

/** `?` placeholders as PostgreSQL's $1…$n (the SQL texts of this layer use `?` for both databases). */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** `make` memoised by SQL text: each statement is prepared once per connection. */
export function statementCache<S>(make: (text: string) => S): (text: string) => S {
  const statements = new Map<string, S>();
  return (text) => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = make(text);
      statements.set(text, statement);
    }
    return statement;
  };
}
