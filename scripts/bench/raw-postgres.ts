// The PostgreSQL raw limit: the same span rows into a fresh database migrated with the app's own runner,
// in transactions of 1,000 rows, two ways: one multi-row INSERT per transaction (what the server's
// write path does, minus everything else) and COPY FROM STDIN (PostgreSQL's fastest bulk path).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { openPostgres } from "../../lib/db/postgres";
import { TEST_PG_ADMIN_URL } from "../../tests/support/hindsight-server";
import { copyRows } from "./pg-copy";
import { columnList, SPAN_COLUMNS, timeChunks, type RawResult, type RawValue } from "./raw-rows";

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a throw-away database next to the test ones; drop() removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const host = new URL(TEST_PG_ADMIN_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`refusing to create benchmark databases on non-local PostgreSQL ${host}`);
  const name = `hindsight_bench_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const sql = openPostgres(url.toString(), 1);
    try {
      await migratePostgres(sql);
    } finally {
      await sql.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}

const toPg = (v: RawValue) => (typeof v === "bigint" ? v.toString() : v);

function multiRowInsert(count: number): string {
  let n = 0;
  const tuple = () => `(${SPAN_COLUMNS.map(() => `$${++n}`).join(",")})`;
  return `INSERT INTO "spans" (${columnList()}) VALUES ${Array.from({ length: count }, tuple).join(",")}`;
}

async function inTransaction(client: pg.Client, work: () => Promise<unknown>): Promise<void> {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function countSpans(client: pg.Client): Promise<number> {
  return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "spans"`)).rows[0]!.n);
}

export type RawPostgres = { insert: RawResult; copy: RawResult };

/** Rows/s of multi-row INSERT and of COPY, each into an empty spans table. */
export async function rawPostgres(bodies: readonly Buffer[], transactionRows = 1000): Promise<RawPostgres> {
  const fresh = await freshPostgresDatabase();
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    const statements = new Map<number, string>();
    const insert = await timeChunks(bodies, transactionRows, "multi-row INSERT, 1,000 rows/tx", (rows) => {
      let text = statements.get(rows.length);
      if (!text) statements.set(rows.length, (text = multiRowInsert(rows.length)));
      const values = rows.flat().map(toPg);
      return inTransaction(client, () => client.query(text, values));
    });
    if ((await countSpans(client)) !== insert.rows) throw new Error("raw PostgreSQL INSERT run lost rows");
    // TRUNCATE gives COPY an empty heap and empty indexes, the same start the INSERT run had.
    await client.query(`TRUNCATE "spans"`);
    const columns = columnList();
    const copy = await timeChunks(bodies, transactionRows, "COPY FROM STDIN, 1,000 rows/tx", (rows) =>
      inTransaction(client, () => copyRows(client, "spans", columns, rows)),
    );
    if ((await countSpans(client)) !== copy.rows) throw new Error("raw PostgreSQL COPY run lost rows");
    return { insert, copy };
  } finally {
    await client.end();
    await fresh.drop();
  }
}
