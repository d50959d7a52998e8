// The WAL file shrinks back after a burst: past WAL_SIZE_LIMIT_BYTES, SQLite truncates it when it next
// restarts the WAL (after a checkpoint has caught up). Without the limit it would keep its largest size.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openSqlite, WAL_SIZE_LIMIT_BYTES } from "@/lib/db/sqlite";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("truncates a WAL grown past the limit once a checkpoint has caught up", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-wal-"));
  dirs.push(dir);
  const file = path.join(dir, "test.db");
  const sql = openSqlite(file, "NORMAL");
  try {
    await sql.run(`PRAGMA wal_autocheckpoint = 0`); // this test decides when to checkpoint
    await sql.run(`CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)`);
    const body = "x".repeat(100_000);
    const rows = Math.ceil((WAL_SIZE_LIMIT_BYTES * 1.25) / body.length);
    for (let i = 0; i < rows; i += 100) {
      await sql.transaction((tx) =>
        tx.insertMany(
          "t",
          ["body"],
          Array.from({ length: 100 }, () => [body]),
          `DO NOTHING`,
        ),
      );
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);

    await sql.run(`PRAGMA wal_checkpoint(PASSIVE)`);
    await sql.transaction((tx) => tx.insertMany("t", ["body"], [["after"]], `DO NOTHING`)); // restarts the WAL
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    const [count] = await sql.query<{ n: bigint }>(`SELECT count(*) AS n FROM "t"`);
    expect(Number(count!.n)).toBeGreaterThan(rows);
  } finally {
    await sql.close();
  }
});
