// The SQLite raw limit: the same span rows into a fresh, migrated database (same schema and indexes,
// same pragmas as the server's write connection) with better-sqlite3 alone: one prepared INSERT,
// transactions of 1,000 rows. Nothing else (no summaries, no HTTP, no decoding) is timed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { columnList, SPAN_COLUMNS, timeChunks, type RawResult, type RawValue } from "./raw-rows";

/** A new SQLite file migrated by Prisma exactly as `npm start` does (scripts/lib/prepare-database.ts). */
export function freshSqliteDatabase(): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-bench-raw-"));
  const file = path.join(dir, "raw.db");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"], // Prisma's banner is noise here; a failure throws with its stderr
    env: { ...process.env, DATABASE_URL: "", HINDSIGHT_SQLITE_FILE: file, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Rows/s of plain prepared inserts into the spans table. */
export async function rawSqlite(bodies: readonly Buffer[], transactionRows = 1000): Promise<RawResult> {
  const fresh = freshSqliteDatabase();
  const db = new Database(fresh.file);
  try {
    // The server's pragmas (lib/db/sqlite.ts): a raw limit with weaker durability would flatter itself.
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${process.env.HINDSIGHT_SQLITE_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL"}`);
    const insert = db.prepare<RawValue[]>(`INSERT INTO "spans" (${columnList()}) VALUES (${SPAN_COLUMNS.map(() => "?").join(", ")})`);
    const insertAll = db.transaction((rows: RawValue[][]) => {
      for (const row of rows) insert.run(...row);
    });
    const result = await timeChunks(bodies, transactionRows, "better-sqlite3 prepared INSERT, 1,000 rows/tx", (rows) => insertAll(rows));
    const stored = Number((db.prepare(`SELECT count(*) AS n FROM "spans"`).get() as { n: number }).n);
    if (stored !== result.rows) throw new Error(`raw SQLite run stored ${stored} of ${result.rows} rows`);
    return result;
  } finally {
    db.close();
    fresh.remove();
  }
}
