// The invariant behind summaries and rollups: whatever order spans arrive in, in whatever batches,
// re-sent or not, and after price changes (also with the writer thread's row cache), the incrementally
// maintained summary rows, facets and rollup rows equal those computed from scratch over the stored
// spans. Runs storeBatch and recomputeCosts against a real (temporary) SQLite database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RollupRowCache } from "@/lib/data/analytics/rollup-cache";
import { recomputeCosts } from "@/lib/data/ingest/recompute-costs";
import type { SpanRecord } from "@/lib/ingest/span-record";
import { storeBatch } from "@/lib/data/ingest/store-batch";
import { rebuildTraceSummaries } from "@/lib/data/ingest/trace-summaries";
import { buildPriceBook, computeCost } from "@/lib/pricing/compute";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { applyMigrations } from "../../support/migrated-sqlite";
import { storedSpan } from "../../support/stored-span";
import { expectRollupsOfStoredSpans, expectSummariesOfStoredSpans } from "./support/stored-consistency";
import { expectRandomArrivalsConsistent } from "./support/random-arrivals";

// Two minutes before midnight: traces cross a minute, hour and day boundary (a day and its first hour share a start).
const BASE_MS = Date.UTC(2026, 10, 21, 23, 58);
let seed = 20261121;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const hexId = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, "0");

function record(traceId: string, spanId: string, parentSpanId: string | null, startMs: number, durationMs: number, extra: Partial<SpanRecord>): SpanRecord {
  const startNs = BigInt(Math.round(startMs * 1000)) * 1000n;
  const endNs = startNs + BigInt(Math.round(durationMs * 1000)) * 1000n;
  return storedSpan({ traceId, spanId, parentSpanId, name: `op-${spanId.slice(-2)}`, serviceName: "svc", startNs, endNs, ...extra });
}

/** A trace: root, agent, LLM calls (one wrapper repeating its child's usage), tools; spread over ~3 minutes. */
function traceSpans(t: number): SpanRecord[] {
  const traceId = hexId(t + 1, 16);
  const id = (n: number) => hexId(t * 100 + n + 1, 8);
  const start = BASE_MS + random() * 6 * 60_000;
  const llm = (n: number, parent: string, model: string, extra: Partial<SpanRecord> = {}) => {
    const tokens = { inputTokens: Math.floor(random() * 2000), outputTokens: Math.floor(random() * 300) };
    const cost = computeCost(buildPriceBook(), model, "llm", { ...tokens, cacheReadTokens: null, cacheWriteTokens: null });
    return record(traceId, id(n), parent, start + random() * 90_000, 50 + random() * 5000, { kind: "llm", model, ...tokens, ...cost, ...extra });
  };
  const spans = [
    record(traceId, id(0), null, start, 120_000 + random() * 60_000, {
      name: pick(["triage", "summarise", "plan"]),
      kind: "agent",
      agentName: pick(["a1", "a2"]),
      userId: pick(["u1", "u2", null]),
      sessionId: pick(["s1", "s2", "s3"]),
    }),
    llm(1, id(0), pick(["gpt-4o-mini", "gpt-4o", "acme-unpriced"])),
    llm(2, id(0), "gpt-4o", { kind: "llm" }),
    llm(3, id(2), "gpt-4o"), // usage repeated by its parent: the parent is a wrapper
    record(traceId, id(4), id(0), start + random() * 120_000, random() * 900, {
      kind: "tool",
      toolName: pick(["search", "fetch", null]),
      status: random() < 0.2 ? "error" : "ok",
    }),
    // An MCP call seen by both sides: the client names no server, the server span (its child) does.
    record(traceId, id(5), id(0), start + 1000, 300, { kind: "tool", toolName: "lookup", mcpServer: "", spanKind: 3 }),
    record(traceId, id(6), id(5), start + 1010, 250, { kind: "tool", toolName: "lookup", mcpServer: "orders", spanKind: 2 }),
  ];
  return spans.filter((_, i) => i === 0 || random() < 0.9);
}

describe("maintained rollups", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-rollups-"));
  const sql = openSqlite(path.join(dir, "test.db"), "NORMAL");

  beforeAll(() => applyMigrations(sql));
  afterAll(async () => {
    await sql.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equal rollups rebuilt from the stored spans, after any arrival order, re-sends and price changes", async () => {
    const spans = Array.from({ length: 60 }, (_, t) => traceSpans(t)).flat();
    const arrivals = [...spans, ...spans.filter(() => random() < 0.3)].sort(() => random() - 0.5);
    for (let i = 0; i < arrivals.length;) {
      const size = 1 + Math.floor(random() * 12);
      await storeBatch(sql, { projectId: "default", spans: arrivals.slice(i, i + size), resources: [], logs: [] });
      i += size;
    }
    await expectRollupsOfStoredSpans(sql, "default");
    expect(await expectSummariesOfStoredSpans(sql, "default")).toBe(60);

    const override = new Map([
      ["gpt-4o", { provider: "openai", input: 7, output: 21, cacheRead: null, cacheWrite: null }],
      ["acme-unpriced", { provider: null, input: 1, output: 1, cacheRead: null, cacheWrite: null }],
    ]);
    const changed = await sql.transaction((tx) => recomputeCosts(tx, "default", buildPriceBook(), buildPriceBook(override), new Set(override.keys())));
    expect(changed).toBeGreaterThan(0);
    await expectRollupsOfStoredSpans(sql, "default");
    await expectSummariesOfStoredSpans(sql, "default");
  });

  it("summarise a new trace from the copy that was stored when its batch carries a span twice", async () => {
    const [root, ...rest] = traceSpans(1000);
    const impostor = { ...root!, name: "second copy, never stored" };
    await storeBatch(sql, { projectId: "default", spans: [root!, ...rest, impostor], resources: [], logs: [] });
    const [row] = await sql.query<{ name: string; spanCount: bigint }>(`SELECT "name", "spanCount" FROM "traces" WHERE "traceId" = ?`, [root!.traceId]);
    expect(row).toEqual({ name: root!.name, spanCount: BigInt(rest.length + 1) });
    await expectSummariesOfStoredSpans(sql, "default");
    await expectRollupsOfStoredSpans(sql, "default");
  });

  it("rebuild the state of traces stored before incremental summaries when spans of them arrive", async () => {
    const spans = Array.from({ length: 20 }, (_, t) => traceSpans(4000 + t)).flat();
    const [first, later] = [spans.filter((_, i) => i % 2 === 0), spans.filter((_, i) => i % 2 === 1)];
    await storeBatch(sql, { projectId: "legacy", spans: first, resources: [], logs: [] });
    // What a database migrated from the previous version holds: summary rows without a state, no graph.
    await sql.run(`UPDATE "traces" SET "summaryState" = NULL WHERE "projectId" = 'legacy'`);
    await sql.run(`DELETE FROM "trace_covered_spans" WHERE "projectId" = 'legacy'`);
    await sql.run(`DELETE FROM "trace_frontier" WHERE "projectId" = 'legacy'`);
    await sql.run(`DELETE FROM "trace_map_states" WHERE "projectId" = 'legacy'`);
    await sql.run(`DELETE FROM "trace_map_spans" WHERE "projectId" = 'legacy'`);
    for (let i = 0; i < later.length; i += 5) await storeBatch(sql, { projectId: "legacy", spans: later.slice(i, i + 5), resources: [], logs: [] });
    expect(await expectSummariesOfStoredSpans(sql, "legacy")).toBe(20);
    await expectRollupsOfStoredSpans(sql, "legacy");
    const stateless = await sql.query(`SELECT "traceId" FROM "traces" WHERE "projectId" = 'legacy' AND "summaryState" IS NULL`);
    expect(stateless).toEqual([]);
  });

  it("repair traces whose state was lost or damaged (rebuildTraceSummaries), after which ingest goes on incrementally", async () => {
    const spans = Array.from({ length: 12 }, (_, t) => traceSpans(5000 + t)).flat();
    const [first, later] = [spans.filter((_, i) => i % 3 !== 0), spans.filter((_, i) => i % 3 === 0)];
    await storeBatch(sql, { projectId: "repair", spans: first, resources: [], logs: [] });
    const ids = [...new Set(first.map((s) => s.traceId))];
    await sql.run(`UPDATE "traces" SET "summaryState" = 'not a state' WHERE "projectId" = 'repair' AND "traceId" = ?`, [ids[0]!]);
    await sql.run(`UPDATE "traces" SET "summaryState" = NULL, "name" = 'damaged' WHERE "projectId" = 'repair' AND "traceId" = ?`, [ids[1]!]);
    await sql.run(`DELETE FROM "trace_facets" WHERE "projectId" = 'repair'`);
    expect(await sql.transaction((tx) => rebuildTraceSummaries(tx, "repair", [...ids, "0".repeat(32)]))).toBe(ids.length);
    expect(await expectSummariesOfStoredSpans(sql, "repair")).toBe(12);
    await expectRollupsOfStoredSpans(sql, "repair");
    await storeBatch(sql, { projectId: "repair", spans: later, resources: [], logs: [] });
    await expectSummariesOfStoredSpans(sql, "repair");
    await expectRollupsOfStoredSpans(sql, "repair");
  });

  it("equal the full recomputation for random traces in any arrival order, with duplicates, late parents and price changes (property)", async () => {
    await expectRandomArrivalsConsistent(sql, "random-arrivals", 120);
  }, 180_000);
});

// The SQLite writer thread keeps histogram rows between transactions (rollup-cache.ts). Its rows must
// never be staler than the database: another connection may commit in between, and a transaction may
// roll back after merging into them.
describe("maintained rollups with the writer's row cache", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-rollup-cache-"));
  const file = path.join(dir, "test.db");
  const writer = openSqlite(file, "NORMAL");
  const other = openSqlite(file, "NORMAL"); // the request thread's connection
  const rollupCache = new RollupRowCache();
  const storeAll = async (spans: SpanRecord[], sql: Sql = writer) => {
    for (let i = 0; i < spans.length; i += 7)
      await storeBatch(sql, { projectId: "default", spans: spans.slice(i, i + 7), resources: [], logs: [] }, { rollupCache });
  };

  beforeAll(() => applyMigrations(writer));
  afterAll(async () => {
    await other.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stay equal to rollups rebuilt from the spans when another connection recomputes costs between batches", async () => {
    const spans = Array.from({ length: 40 }, (_, t) => traceSpans(2000 + t))
      .flat()
      .sort(() => random() - 0.5);
    await storeAll(spans.slice(0, 100));
    expect(rollupCache.size).toBeGreaterThan(0);
    const override = new Map([["gpt-4o", { provider: "openai", input: 9, output: 27, cacheRead: null, cacheWrite: null }]]);
    expect(
      await other.transaction((tx) => recomputeCosts(tx, "default", buildPriceBook(), buildPriceBook(override), new Set(override.keys()))),
    ).toBeGreaterThan(0);
    await storeAll(spans.slice(100)); // the same minutes, hours and days: cached rows the recompute rewrote
    await expectRollupsOfStoredSpans(writer, "default");
  });

  it("forget rows merged by a transaction that rolled back", async () => {
    const spans = Array.from({ length: 20 }, (_, t) => traceSpans(3000 + t)).flat();
    await storeAll(spans.slice(0, 30));
    // Fails after the rollups were merged (as a failing COMMIT would): nothing of it is stored.
    const failing: Sql = { ...writer, transaction: (fn) => writer.transaction(async (tx) => (await fn(tx), Promise.reject(new Error("disk I/O error")))) };
    await expect(storeAll(spans.slice(30, 40), failing)).rejects.toThrow("disk I/O error");
    expect(rollupCache.size).toBe(0);
    await storeAll(spans.slice(30));
    await expectRollupsOfStoredSpans(writer, "default");
  });
});
