// better-sqlite3 behind the Sql interface. Calls are synchronous; the promises only keep one interface
// for both databases. One connection serves all writes (SQLite has a single writer anyway); WAL lets
// Prisma's read connection run beside it.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import Database from "better-sqlite3";
import { insertSql, statementCache, type Row, type Sql, type SqlValue } from "./sql";
import { SAFETY_AUTOCHECKPOINT_PAGES, startCheckpointer } from "./sqlite-checkpointer";

type Statement = Database.Statement<unknown[]>;

/** The connection whose transaction the current async flow runs inside, if any. */
const inTransaction = new AsyncLocalStorage<Database.Database>();

const toSqlite = (v: SqlValue) => (typeof v === "boolean" ? (v ? 1 : 0) : v);

// Under sustained ingest the WAL file grows to its high-water mark (see sqlite-checkpointer.ts) and
// SQLite keeps that size on disk for good unless told otherwise. Without the background checkpointer,
// SQLite truncates it to this limit when it next restarts the WAL, which it does once a checkpoint has
// caught up; with it, the checkpointer empties a file grown past the limit in the first lull instead,
// off the writer.
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** SQLite's own defaults, for a connection without the background checkpointer (or whose checkpointer died). */
function checkpointOnCommit(db: Database.Database): void {
  db.pragma("wal_autocheckpoint = 1000");
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

/**
 * Opens (creating if needed) the SQLite file in WAL mode. With `backgroundCheckpoints`, a worker thread
 * copies the WAL into the database file instead of the committing writer (sqlite-checkpointer.ts).
 */
export function openSqlite(file: string, synchronous: "FULL" | "NORMAL" = "FULL", { backgroundCheckpoints = false } = {}): Sql {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma("busy_timeout = 10000");
  db.pragma("foreign_keys = ON");
  checkpointOnCommit(db);
  db.defaultSafeIntegers(true); // nanosecond timestamps exceed 2^53
  const checkpointer = backgroundCheckpoints ? startCheckpointer(file, WAL_SIZE_LIMIT_BYTES, () => db.open && checkpointOnCommit(db)) : null;
  if (checkpointer) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
    db.pragma("journal_size_limit = -1"); // the checkpointer truncates the WAL, in a lull
  }
  const prepare = statementCache((text): Statement => db.prepare(text));
  let queue: Promise<void> = Promise.resolve();

  const sql: Sql = {
    dialect: "sqlite",
    async query<T extends Row>(text: string, params: SqlValue[] = []) {
      return prepare(text).all(...params.map(toSqlite)) as T[];
    },
    async run(text, params = []) {
      return prepare(text).run(...params.map(toSqlite)).changes;
    },
    async insertMany(table, columns, rows, conflict, options = {}) {
      if (rows.length === 0) return [];
      // A cached single-row statement is SQLite's fastest path: no re-parsing, no giant parameter lists.
      const statement = prepare(insertSql(table, columns, 1, conflict, options.textColumns));
      // Booleans are the only values better-sqlite3 cannot bind; checking beats copying every row (hot path).
      const bindable = (row: SqlValue[]) => (row.some((v) => typeof v === "boolean") ? row.map(toSqlite) : row);
      if (!options.returning) {
        for (const row of rows) statement.run(...bindable(row));
        return [];
      }
      // `changes` is 0 when ON CONFLICT skipped the row: the inserted rows are the ones that changed something.
      const picked = options.returning.map((c) => [c, columns.indexOf(c)] as const);
      const inserted: Row[] = [];
      for (const row of rows) {
        if (statement.run(...bindable(row)).changes === 0) continue;
        const out: Row = {};
        for (const [c, i] of picked) out[c] = row[i];
        inserted.push(out);
      }
      return inserted;
    },
    async transaction(fn) {
      // Nested: the caller's own transaction already holds the connection.
      if (inTransaction.getStore() === db) return fn(sql);
      // Concurrent: one connection has one transaction at a time, so callers from other async flows
      // wait their turn instead of joining (and committing or rolling back) someone else's.
      const previous = queue;
      let release!: () => void;
      queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      try {
        return await inTransaction.run(db, async () => {
          db.exec("BEGIN IMMEDIATE");
          try {
            const result = await fn(sql);
            db.exec("COMMIT");
            return result;
          } catch (error) {
            if (db.inTransaction) db.exec("ROLLBACK");
            throw error;
          }
        });
      } finally {
        release();
      }
    },
    async close() {
      await checkpointer?.stop();
      db.close();
    },
  };
  return sql;
}
