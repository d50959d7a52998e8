// The WAL file shrinks back after a burst. Without the background checkpointer, past
// WAL_SIZE_LIMIT_BYTES SQLite truncates it when it next restarts the WAL (after a checkpoint has caught
// up); with it, the checkpointer truncates it in the first lull. Without either it would keep its largest size.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openSqlite, WAL_SIZE_LIMIT_BYTES } from "@/lib/db/sqlite";
import type { Sql } from "@/lib/db/sql";
import { writeRows } from "./support/write-rows";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-wal-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}

/**
 * Commits rows until the WAL is at least 1.25 times the limit, in one transaction, so that no checkpoint
 * can restart the WAL halfway; returns how many.
 */
async function burst(sql: Sql): Promise<number> {
  await sql.run(`CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)`);
  const body = "x".repeat(100_000);
  const rows = Math.ceil((WAL_SIZE_LIMIT_BYTES * 1.25) / body.length / 100) * 100;
  await writeRows(sql, rows, body, rows);
  return rows;
}

const countRows = async (sql: Sql) => Number((await sql.query<{ n: bigint }>(`SELECT count(*) AS n FROM "t"`))[0]!.n);

it("truncates a WAL grown past the limit once a checkpoint has caught up", async () => {
  const file = freshFile();
  const sql = openSqlite(file, "NORMAL");
  try {
    await sql.run(`PRAGMA wal_autocheckpoint = 0`); // this test decides when to checkpoint
    const rows = await burst(sql);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);

    await sql.run(`PRAGMA wal_checkpoint(PASSIVE)`);
    await sql.transaction((tx) => tx.insertMany("t", ["body"], [["after"]], `DO NOTHING`)); // restarts the WAL
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    expect(await countRows(sql)).toBe(rows + 1);
  } finally {
    await sql.close();
  }
});

it("with the background checkpointer, empties the WAL in the first lull and keeps every row", async () => {
  const file = freshFile();
  const sql = openSqlite(file, "NORMAL", { backgroundCheckpoints: true });
  try {
    const rows = await burst(sql);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES); // the lull needs two ticks, a second apart
    const deadline = Date.now() + 20_000;
    while (statSync(`${file}-wal`).size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statSync(`${file}-wal`).size).toBe(0);
    await sql.transaction((tx) => tx.insertMany("t", ["body"], [["after"]], `DO NOTHING`));
    expect(await countRows(sql)).toBe(rows + 1);
  } finally {
    await sql.close();
  }
});
