// Start-up behaviour (README "Quickstart"): first-start key printed once, HINDSIGHT_INIT_API_KEY
// idempotent, bad environment refused with a message, migrations recorded as Prisma records them.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import pg from "pg";
import Database from "better-sqlite3";
import { readMigrations } from "@/lib/db/migrate-postgres";
import { startHindsight } from "../support/hindsight-server";

const hasPostgres = inject("servers").some((s) => s.name === "postgres");
/** A SQLite database that outlives one server, for restart tests. */
const scratchDatabase = () => `file:${path.join(mkdtempSync(path.join(tmpdir(), "hindsight-restart-")), "hindsight.db")}`;

it("creates and prints a key on the first start only", async () => {
  const first = await startHindsight({ database: "sqlite", apiKey: null, databaseUrl: scratchDatabase() });
  try {
    const key = /Created the first API key[^\n]*\n\s*\n\s*(hs_\S+)/.exec(first.output())?.[1];
    expect(key).toMatch(/^hs_[A-Za-z0-9_-]{32}$/);
    const ok = await fetch(`${first.baseUrl}/api/v1/traces`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    await first.stop();
    const second = await startHindsight({ database: "sqlite", apiKey: null, databaseUrl: first.databaseUrl });
    expect(second.output()).not.toMatch(/Created the first API key/);
    await second.stop();
  } finally {
    await first.stop();
  }
});

it("registers HINDSIGHT_INIT_API_KEY idempotently", async () => {
  const key = "hs_restart_key_0123456789abcdef";
  const first = await startHindsight({ database: "sqlite", apiKey: key, databaseUrl: scratchDatabase() });
  await first.stop();
  const second = await startHindsight({ database: "sqlite", apiKey: key, databaseUrl: first.databaseUrl });
  try {
    expect(second.output()).not.toMatch(/registered HINDSIGHT_INIT_API_KEY/);
    const db = new Database(first.databaseUrl.slice("file:".length), { readonly: true });
    expect((db.prepare(`SELECT COUNT(*) AS n FROM api_keys`).get() as { n: number }).n).toBe(1);
    expect(JSON.stringify(db.prepare(`SELECT * FROM api_keys`).all())).not.toContain(key);
    db.close();
  } finally {
    await second.stop();
  }
});

it.each([
  [{ PORT: "eighty" }, /PORT/],
  [{ DATABASE_URL: "mysql://nope" }, /DATABASE_URL: must start with postgresql:\/\//],
  [{ HINDSIGHT_INIT_API_KEY: "secret" }, /HINDSIGHT_INIT_API_KEY/],
  [{ HINDSIGHT_MAX_BODY_BYTES: "lots" }, /HINDSIGHT_MAX_BODY_BYTES/],
])("refuses to start with %j", (env, message) => {
  const result = spawnSync("sh", ["scripts/start.sh"], {
    env: { ...process.env, npm_node_execpath: process.execPath, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(message);
});

it("records SQLite migrations (Prisma CLI) with the checksums our PostgreSQL runner uses", () => {
  const server = inject("servers").find((s) => s.name === "sqlite")!;
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`).all() as {
    migration_name: string;
    checksum: string;
    finished_at: unknown;
  }[];
  db.close();
  expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations("prisma/migrations").map((m) => [m.name, m.checksum]));
  expect(rows.every((r) => r.finished_at !== null)).toBe(true);
});

it.runIf(hasPostgres)("records PostgreSQL migrations in _prisma_migrations exactly as Prisma does", async () => {
  const server = inject("servers").find((s) => s.name === "postgres")!;
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r: { migration_name: string; checksum: string }) => [r.migration_name, r.checksum])).toEqual(
      readMigrations("prisma/postgres/migrations").map((m) => [m.name, m.checksum]),
    );
    expect(
      rows.every(
        (r: { finished_at: Date | null; rolled_back_at: unknown; applied_steps_count: number }) =>
          r.finished_at instanceof Date && r.rolled_back_at === null && r.applied_steps_count === 1,
      ),
    ).toBe(true);
    const columns = await client.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.rows.map((c: { column_name: string }) => c.column_name)).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
  } finally {
    await client.end();
  }
});
