// node-postgres behind the Sql interface: `?` placeholders become $1…$n, inserts are multi-row VALUES
// chunked under PostgreSQL's 65,535 parameter limit, int8 comes back as bigint.
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

function wrap(client: pg.Pool | pg.PoolClient, pool: pg.Pool): Sql {
  const sql: Sql = {
    dialect: "postgres",
    async query<T extends Row>(text: string, params: SqlValue[] = []) {
      return (await client.query(numbered(text), params.map(toPg))).rows as T[];
    },
    async run(text, params = []) {
      return (await client.query(numbered(text), params.map(toPg))).rowCount ?? 0;
    },
    async insertMany(table, columns, rows, conflict, options = {}) {
      const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      // RETURNING lists only the rows ON CONFLICT did not skip.
      const returning = options.returning ? ` RETURNING ${options.returning.map(quote).join(", ")}` : "";
      const inserted: Row[] = [];
      for (let i = 0; i < rows.length; i += perChunk) {
        const chunk = rows.slice(i, i + perChunk);
        const result = await client.query(numbered(insertSql(table, columns, chunk.length, conflict, options.textColumns) + returning), chunk.flat().map(toPg));
        if (returning) inserted.push(...(result.rows as Row[]));
      }
      return inserted;
    },
    async transaction(fn) {
      if (client !== pool) return fn(sql); // already inside one
      const connection = await pool.connect();
      try {
        await connection.query("BEGIN");
        const result = await fn(wrap(connection, pool));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async close() {
      if (client === pool) await pool.end();
    },
  };
  return sql;
}

/** A pooled PostgreSQL connection. */
export function openPostgres(url: string, max = 8): Sql {
  const pool = new pg.Pool({ connectionString: url, max, types });
  pool.on("error", (error) => console.error("[hindsight] idle PostgreSQL connection failed:", error.message));
  return wrap(pool, pool);
}
