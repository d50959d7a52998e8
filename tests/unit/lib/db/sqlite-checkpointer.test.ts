// 600 rows of 4 KB stay under SQLite's own auto-checkpoint threshold (1,000 WAL pages), and with
// background checkpoints the writer's threshold is 65,536 pages: a database file that grows anyway
// proves the worker thread copied the WAL into it. Without the worker, the file must not grow.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/sqlite";
import { writeRows } from "./support/write-rows";

const ROWS = 600;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function databaseFileAfterWriting(backgroundCheckpoints: boolean): Promise<{ bytes: number; rows: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-ckpt-"));
  dirs.push(dir);
  const file = path.join(dir, "test.db");
  const sql = openSqlite(file, "NORMAL", { backgroundCheckpoints });
  try {
    await sql.run(`CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)`);
    await writeRows(sql, ROWS, "x".repeat(4000));
    // The worker checkpoints once a second; give it up to 5 s on a busy machine.
    for (let waited = 0; backgroundCheckpoints && statSync(file).size < 2_000_000 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const [row] = await sql.query<{ n: bigint }>(`SELECT count(*) AS n FROM "t"`);
    return { bytes: statSync(file).size, rows: Number(row!.n) };
  } finally {
    await sql.close();
  }
}

describe("SQLite background checkpoints", () => {
  it("copy the WAL into the database file from a worker thread", async () => {
    const result = await databaseFileAfterWriting(true);
    expect(result.rows).toBe(ROWS);
    expect(result.bytes).toBeGreaterThan(2_000_000);
  });

  it("are what moved the pages: without the worker the file stays empty until the threshold", async () => {
    const result = await databaseFileAfterWriting(false);
    expect(result.rows).toBe(ROWS);
    expect(result.bytes).toBeLessThan(100_000);
  });
});
