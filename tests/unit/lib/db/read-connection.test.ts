// The raw read connection on SQLite: rows as arrays in select order (all at once or one by one),
// integers as numbers, `?` parameters, reads beside a WAL writer that see each commit, and no way to write.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openReadConnection, type ReadConnection } from "@/lib/db/read-connection";

describe("openReadConnection on SQLite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-read-"));
  const file = path.join(dir, "read.db");
  let writer: Database.Database;
  let reader: ReadConnection;

  beforeAll(() => {
    writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    writer.exec(
      `CREATE TABLE "rollups" ("key" TEXT NOT NULL, "startMs" BIGINT NOT NULL, "count" INTEGER NOT NULL, "cost" REAL NOT NULL, "tokens" BIGINT NOT NULL)`,
    );
    const insert = writer.prepare(`INSERT INTO "rollups" VALUES (?, ?, ?, ?, ?)`);
    insert.run("a", 1_763_683_200_000, 3, 0.1 + 0.2, 9_007_199_254_740_991n);
    insert.run("b", 1_763_686_800_000, 1, 1e-7 / 3, 12);
    reader = openReadConnection({ kind: "sqlite", file });
  });

  afterAll(async () => {
    await reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers rows as arrays of numbers and strings, in select order", async () => {
    expect(reader.dialect).toBe("sqlite");
    const rows = await reader.rows(
      `SELECT "key", "startMs", "count", "cost", "tokens" FROM "rollups" WHERE "startMs" >= ? ORDER BY "startMs"`,
      [1_763_683_200_000],
    );
    expect(rows).toEqual([
      ["a", 1_763_683_200_000, 3, 0.1 + 0.2, Number.MAX_SAFE_INTEGER],
      ["b", 1_763_686_800_000, 1, 1e-7 / 3, 12],
    ]);
    expect(await reader.rows(`SELECT "key" FROM "rollups" WHERE "key" = ?`, ["b"])).toEqual([["b"]]);
  });

  it("hands the same rows to eachRow one by one", async () => {
    const seen: unknown[][] = [];
    await reader.eachRow(`SELECT "key", "count" FROM "rollups" WHERE "count" >= ? ORDER BY "key"`, [1], (row) => seen.push(row));
    expect(seen).toEqual([
      ["a", 3],
      ["b", 1],
    ]);
  });

  it("sees what the writer commits, not what it has not committed yet", async () => {
    const count = async () => (await reader.rows(`SELECT COUNT(*) FROM "rollups"`))[0]![0];
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare(`INSERT INTO "rollups" VALUES ('c', 0, 1, 0, 0)`).run();
    expect(await count()).toBe(2); // the writer holds its transaction: the reader neither waits nor sees it
    writer.exec("COMMIT");
    expect(await count()).toBe(3);
  });

  it("cannot write", async () => {
    await expect(reader.rows(`INSERT INTO "rollups" VALUES ('d', 0, 1, 0, 0) RETURNING "key"`)).rejects.toThrow(/readonly/i);
  });
});
