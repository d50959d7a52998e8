import "server-only";
// A raw read connection for the analytics reads that return tens of thousands of rows (30 days of
// hourly points per user or session). Prisma's $queryRaw through the driver adapter costs ~2.5 µs per
// row on top of the driver (43k rows: ~200 against ~95 ms on SQLite); reading through the driver
// directly, rows as arrays, takes that cost away. Everything else keeps reading through Prisma (lib/db/prisma.ts).
//
// SQLite: its own better-sqlite3 connection, opened read-only beside the writer (lib/receiver/runtime.ts), which
// keeps the file in WAL mode, so reads never wait for a commit. PostgreSQL: a small pool of its own
// whose sessions are read-only. Integers (also int8 and numeric on PostgreSQL) come back as numbers:
// exact for milliseconds, counts and token sums, so select nanosecond columns only divided down.
import Database from "better-sqlite3";
import pg from "pg";
import { getEnv, type Env } from "@/lib/env";
import { POOL_RESILIENCE } from "./postgres";
import { numberedPlaceholders as numbered, statementCache } from "./sql";

export type ReadValue = string | number;

export interface ReadConnection {
  readonly dialect: "sqlite" | "postgres";
  /** Runs a query with `?` placeholders; each row is an array of the selected columns, in order. */
  rows(text: string, params?: readonly ReadValue[]): Promise<unknown[][]>;
  /**
   * Hands each row to `each`. PostgreSQL: as it is decoded, while the next ones are still arriving, and
   * without keeping it (43k rows: ~60–70 ms, against ~85–100 for rows() and a loop). SQLite: after the
   * query, which is faster there than better-sqlite3's row-by-row iterate() (~72 against ~81 ms).
   */
  eachRow(text: string, params: readonly ReadValue[], each: (row: unknown[]) => void): Promise<void>;
  close(): Promise<void>;
}

function openSqliteReader(file: string): ReadConnection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Readers only wait while a checkpoint or recovery holds the file, never for the writer's commits.
  db.pragma("busy_timeout = 10000");
  const prepare = statementCache((text) => db.prepare<unknown[], unknown[]>(text).raw(true));
  return {
    dialect: "sqlite",
    async rows(text, params = []) {
      return prepare(text).all(...params);
    },
    async eachRow(text, params, each) {
      for (const row of prepare(text).all(...params)) each(row);
    },
    async close() {
      db.close();
    },
  };
}

/** Numbers for int8 and numeric (COUNT, SUM of bigint): pg returns them as text by default. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700 ? Number : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

function openPostgresReader(url: string, max: number): ReadConnection {
  // Read-only sessions: this pool can never change data, whatever SQL reaches it.
  // random_page_cost=1.1 (the usual value for SSDs and cached data): at the default 4, meant for spinning
  // disks, the planner answers a 30-day rollup range with a bitmap scan and a sort instead of walking the
  // primary key in order, and no row leaves before the sort ends (~100 instead of ~70 ms for 43k rows).
  // extra_float_digits=1 (PostgreSQL 12+'s default, made sure of): float8 as shortest-exact text, which
  // lib/data/analytics/rollup-rows.ts relies on when it packs numbers into one text field.
  const options = "-c default_transaction_read_only=on -c random_page_cost=1.1 -c extra_float_digits=1";
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes, options, ...POOL_RESILIENCE });
  pool.on("error", (error) => console.error("[hindsight] idle PostgreSQL read connection failed:", error.message));
  return {
    dialect: "postgres",
    async rows(text, params = []) {
      return (await pool.query<unknown[]>({ text: numbered(text), values: [...params], rowMode: "array" })).rows;
    },
    async eachRow(text, params, each) {
      const client = await pool.connect();
      let failure: unknown;
      let broken: Error | undefined;
      // A checked-out client has no listener of the pool's: a dropped connection would otherwise throw
      // its 'error' event as an uncaught exception (the query itself is rejected too).
      const onError = (error: Error) => void (broken ??= error);
      client.on("error", onError);
      try {
        // A Query with a "row" listener and no callback does not accumulate its rows.
        await new Promise<void>((resolve, reject) => {
          const config: pg.QueryArrayConfig = { text: numbered(text), values: [...params], rowMode: "array" };
          const query = new pg.Query<unknown[]>(config);
          query.on("row", (row) => {
            if (failure === undefined) {
              try {
                each(row);
              } catch (error) {
                failure = error; // thrown here it would break the connection's message handling
              }
            }
          });
          query.on("error", reject);
          query.on("end", () => resolve());
          client.query(query);
        });
      } catch (error) {
        broken ??= error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.removeListener("error", onError);
        client.release(broken); // a connection that failed is closed, not reused
      }
      if (failure !== undefined) throw failure as Error;
    },
    async close() {
      await pool.end();
    },
  };
}

/** A new read connection to `database` (tests open their own; the server shares getReadConnection's). */
export function openReadConnection(database: Env["database"], maxPostgresConnections = 4): ReadConnection {
  return database.kind === "postgres" ? openPostgresReader(database.url, maxPostgresConnections) : openSqliteReader(database.file);
}

// On globalThis because Next.js bundles each route separately: one connection per process, not per route.
const globalForReads = globalThis as unknown as { hindsightReadConnection?: ReadConnection };

/** The process-wide read connection of the configured database. */
export function getReadConnection(): ReadConnection {
  globalForReads.hindsightReadConnection ??= openReadConnection(getEnv().database);
  return globalForReads.hindsightReadConnection;
}
