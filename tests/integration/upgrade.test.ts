// Upgrading a database from before projects: every existing trace, span, log event, rollup, price, alert
// rule and API key lands in the project "default", and the existing key keeps every scope. Applies the
// migrations of that time, writes rows as that version stored them, then starts today's server on it.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migratePostgres, readMigrations } from "@/lib/db/migrate-postgres";
import { openPostgres } from "@/lib/db/postgres";
import { isPostgresReachable, startHindsight, TEST_PG_ADMIN_URL, type RunningServer } from "../support/hindsight-server";

/** The last migration before projects and access control. */
const LAST_OLD_MIGRATION = "20261122074315_drop_trace_facets_trace_index";
const LEGACY_KEY = `hs_legacy_${randomBytes(12).toString("hex")}`;
const TRACE = randomBytes(16).toString("hex");
const [ROOT, CHILD] = [randomBytes(8).toString("hex"), randomBytes(8).toString("hex")];
const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

/** Rows as the version before projects wrote them (no projectId anywhere). */
function legacyRows(): [string, unknown[]][] {
  const hour = Math.floor(T0 / 3_600_000) * 3_600_000;
  return [
    [`INSERT INTO "projects" ("id", "name") VALUES ('default', 'Legacy project')`, []],
    [
      `INSERT INTO "api_keys" ("id", "projectId", "name", "keyHash", "prefix") VALUES (?, 'default', 'old key', ?, ?)`,
      [randomUUID(), createHash("sha256").update(LEGACY_KEY).digest("hex"), LEGACY_KEY.slice(0, 7)],
    ],
    [
      `INSERT INTO "spans" ("traceId", "spanId", "parentSpanId", "name", "kind", "spanKind", "startNs", "endNs", "durationMs", "status", "model", "inputTokens", "outputTokens", "costUsd", "costSource", "attributes", "events")
       VALUES (?, ?, NULL, 'legacy-run', 'agent', 1, ?, ?, 500, 'ok', NULL, NULL, NULL, NULL, NULL, '{}', '[]'), (?, ?, ?, 'chat gpt-4o', 'llm', 3, ?, ?, 200, 'ok', 'gpt-4o', 1000, 100, 0.0035, 'computed', '{"gen_ai.request.model":"gpt-4o"}', '[]')`,
      [TRACE, ROOT, ns(T0), ns(T0 + 500), TRACE, CHILD, ROOT, ns(T0 + 10), ns(T0 + 210)],
    ],
    [
      `INSERT INTO "traces" ("traceId", "name", "rootSpanId", "startNs", "endNs", "durationMs", "status", "spanCount", "errorCount", "llmCallCount", "toolCallCount", "inputTokens", "outputTokens", "totalTokens", "costUsd", "models")
       VALUES (?, 'legacy-run', ?, ?, ?, 500, 'ok', 2, 0, 1, 0, 1000, 100, 1100, 0.0035, '["gpt-4o"]')`,
      [TRACE, ROOT, ns(T0), ns(T0 + 500)],
    ],
    [`INSERT INTO "trace_facets" ("facet", "value", "traceId") VALUES ('model', 'gpt-4o', ?)`, [TRACE]],
    [
      `INSERT INTO "span_logs" ("dedupeKey", "traceId", "spanId", "eventName", "timeNs", "body", "attributes") VALUES (?, ?, ?, 'gen_ai.user.message', ?, '{"content":"hello from before"}', '{}')`,
      [randomUUID(), TRACE, CHILD, ns(T0 + 20)],
    ],
    [
      `INSERT INTO "metric_rollups" ("dimension", "granularity", "bucketStartMs", "groupKey", "count", "errorCount", "llmCallCount", "toolCallCount", "durationSumMs", "maxMs", "costUsd", "inputTokens", "outputTokens", "bins")
       VALUES ('trace.name', '1h', ?, 'legacy-run', 1, 0, 1, 0, 500, 500, 0.0035, 1000, 100, '{}')`,
      [hour],
    ],
    [
      `INSERT INTO "model_prices" ("model", "provider", "inputPerMTokUsd", "outputPerMTokUsd", "updatedAt") VALUES ('acme-legacy', 'acme', 1, 2, ?)`,
      [new Date(T0).toISOString()],
    ],
    [
      `INSERT INTO "alert_rules" ("id", "name", "metric", "scope", "windowMinutes", "minRuns", "enabled", "threshold", "createdMs", "updatedMs") VALUES ('legacy-rule', 'old rule', 'cost_per_run', 'all', 60, 1, ?, 1, ?, ?)`,
      [false, T0, T0],
    ],
  ];
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

async function expectUpgraded(server: RunningServer): Promise<void> {
  const auth = { authorization: `Bearer ${LEGACY_KEY}` };
  const detail = (await (await fetch(`${server.baseUrl}/api/v1/traces/${TRACE}`, { headers: auth })).json()) as {
    trace: { name: string; costUsd: number };
    spans: { spanId: string; input: unknown }[];
  };
  expect(detail.trace).toMatchObject({ name: "legacy-run", costUsd: 0.0035 });
  expect(detail.spans.map((s) => s.spanId).sort()).toEqual([ROOT, CHILD].sort());
  expect(JSON.stringify(detail.spans.find((s) => s.spanId === CHILD)!.input)).toContain("hello from before");
  expect((await (await fetch(`${server.baseUrl}/api/v1/traces?model=gpt-4o&from=2026-11-01T00:00:00Z`, { headers: auth })).json()) as unknown).toMatchObject({
    data: [{ traceId: TRACE }],
  });
  const cost = (await (
    await fetch(`${server.baseUrl}/api/v1/metrics/cost?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&bucket=1h&groupBy=task`, { headers: auth })
  ).json()) as { data: { group: string; costUsd: number }[] };
  expect(cost.data).toEqual([expect.objectContaining({ group: "legacy-run", costUsd: 0.0035 })]);
  const prices = (await (await fetch(`${server.baseUrl}/api/v1/prices`, { headers: auth })).json()) as { data: { model: string; source: string }[] };
  expect(prices.data.find((p) => p.model === "acme-legacy")).toMatchObject({ source: "override" });
  expect((await (await fetch(`${server.baseUrl}/api/v1/alerts/rules/legacy-rule`, { headers: auth })).json()) as unknown).toMatchObject({ name: "old rule" });
  expect(await (await fetch(`${server.baseUrl}/api/v1/projects`, { headers: auth })).json()).toEqual({
    data: [{ id: "default", slug: "default", name: "Legacy project", role: null }],
  });
  // The old key keeps every scope: it still ingests, and it administers keys.
  expect((await fetch(`${server.baseUrl}/v1/traces`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" })).status).toBe(
    200,
  );
  const keys = (await (await fetch(`${server.baseUrl}/api/v1/projects/default/api-keys`, { headers: auth })).json()) as {
    data: { name: string; scopes: string[] }[];
  };
  expect(keys.data.find((k) => k.name === "old key")?.scopes).toEqual(["ingest", "read", "write", "admin"]);
}

describe("upgrading a database from before projects", () => {
  it("keeps every SQLite row, in the project default", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-upgrade-"));
    const file = path.join(dir, "old.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    for (const migration of readMigrations("prisma/migrations").filter((m) => m.name <= LAST_OLD_MIGRATION)) {
      db.exec(migration.sql);
      db.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, ?, ?, 1)`).run(
        randomUUID(),
        migration.checksum,
        new Date().toISOString(),
        migration.name,
      );
    }
    db.defaultSafeIntegers(true);
    for (const [sql, params] of legacyRows()) db.prepare(sql).run(...params.map((p) => (typeof p === "boolean" ? Number(p) : p)));
    db.close();
    const server = await startHindsight({ database: "sqlite", databaseUrl: `file:${file}`, apiKey: null });
    servers.push(server);
    await expectUpgraded(server);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });

  it("keeps every PostgreSQL row, in the project default", async () => {
    if (!(await isPostgresReachable())) return;
    const name = `hindsight_upgrade_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const oldMigrations = mkdtempSync(path.join(tmpdir(), "hindsight-old-migrations-"));
    for (const m of readMigrations("prisma/postgres/migrations").filter((m) => m.name <= LAST_OLD_MIGRATION)) {
      mkdirSync(path.join(oldMigrations, m.name));
      cpSync(path.join("prisma/postgres/migrations", m.name, "migration.sql"), path.join(oldMigrations, m.name, "migration.sql"));
    }
    const sql = openPostgres(url.toString(), 1);
    try {
      await migratePostgres(sql, oldMigrations);
      for (const [text, params] of legacyRows()) await sql.run(text, params as never[]);
    } finally {
      await sql.close();
      rmSync(oldMigrations, { recursive: true, force: true });
    }
    const server = await startHindsight({ database: "postgres", databaseUrl: url.toString(), apiKey: null });
    servers.push(server);
    try {
      await expectUpgraded(server);
    } finally {
      const cleanup = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await cleanup.connect();
      await server.stop();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  });
});
