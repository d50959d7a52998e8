// node-postgres behind the Sql interface: `?` placeholders become $1…$n, inserts are multi-row VALUES
// chunked under PostgreSQL's 65,535 parameter limit, int8 comes back as bigint.
//
// Connections drop (a restart, a failover, a proxy cutting them): every failure then reaches the
// caller as a rejected promise carrying the driver's own error (lib/data/errors.ts tells those apart
// for a 503), never as an exception thrown from a socket event, and a broken connection never goes
// back to the pool.
import pg from "pg";
import { insertSql, numberedPlaceholders as numbered, pgText, quote, type Row, type Sql, type SqlValue } from "./sql";

// int8 as bigint, for this pool only: changing pg's global parsers would break Prisma's adapter.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 ? (value: string) => BigInt(value) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};
const MAX_PARAMS = 60_000;

// Strings without NUL (pgText); the span's attributes JSON keeps a NUL, escaped as \u0000, on both databases.
const toPg = (v: SqlValue) => (typeof v === "bigint" ? v.toString() : typeof v === "string" ? pgText(v) : v);

/** What failed a checked-out connection (its 'error' event), if anything did. */
type Lost = () => Error | undefined;

function wrap(client: pg.Pool | pg.PoolClient, pool: pg.Pool, lost: Lost = () => undefined): Sql {
  // On a connection that failed, pg answers every query "not queryable": the error that broke it says more.
  const send = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    const failure = lost();
    return failure ? Promise.reject(failure) : client.query<R>(text, values);
  };
  const sql: Sql = {
    dialect: "postgres",
    async query<T extends Row>(text: string, params: SqlValue[] = []) {
      return (await send(numbered(text), params.map(toPg))).rows as T[];
    },
    async run(text, params = []) {
      return (await send(numbered(text), params.map(toPg))).rowCount ?? 0;
    },
    async insertMany(table, columns, rows, conflict, options = {}) {
      const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      // RETURNING lists only the rows ON CONFLICT did not skip.
      const returning = options.returning ? ` RETURNING ${options.returning.map(quote).join(", ")}` : "";
      const inserted: Row[] = [];
      for (let i = 0; i < rows.length; i += perChunk) {
        const chunk = rows.slice(i, i + perChunk);
        const result = await send(numbered(insertSql(table, columns, chunk.length, conflict, options.textColumns) + returning), chunk.flat().map(toPg));
        if (returning) inserted.push(...(result.rows as Row[]));
      }
      return inserted;
    },
    async transaction(fn) {
      if (client !== pool) return fn(sql); // already inside one
      const connection = await pool.connect();
      // The pool listens for errors of idle clients only: a checked-out client that loses its connection
      // emits 'error' with nobody listening, which Node throws as an uncaught exception.
      let lostWith: Error | undefined;
      const onError = (error: Error) => void (lostWith ??= error);
      connection.on("error", onError);
      let failure: unknown;
      try {
        await connection.query("BEGIN");
        const result = await fn(wrap(connection, pool, () => lostWith));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        failure = lostWith ?? error;
        if (!lostWith) await connection.query("ROLLBACK").catch(() => undefined);
        throw failure;
      } finally {
        connection.removeListener("error", onError);
        // After a failure the connection is closed rather than reused: it may be broken, or mid-way
        // through a statement the server is still running.
        connection.release(failure === undefined ? undefined : failure instanceof Error ? failure : new Error(String(failure)));
      }
    },
    async close() {
      if (client === pool) await pool.end();
    },
  };
  return sql;
}

/**
 * Settings every pool of the app uses: a connection attempt gives up after a while (a failover can
 * leave packets unanswered for minutes, and requests should get their 503 instead), and TCP keepalive
 * notices connections a proxy or a dead server left hanging.
 */
export const POOL_RESILIENCE = { connectionTimeoutMillis: 10_000, keepAlive: true } as const;

/** A pooled PostgreSQL connection. */
export function openPostgres(url: string, max = 8): Sql {
  const pool = new pg.Pool({ connectionString: url, max, types, ...POOL_RESILIENCE });
  pool.on("error", (error) => console.error("[hindsight] idle PostgreSQL connection failed:", error.message));
  return wrap(pool, pool);
}
